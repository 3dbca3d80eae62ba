// The samples as a host offers them: the catalog's metadata joined with each
// program's source text and its Go original's (samples/go/<id>.go). The hosts find the sources differently (a bundler's
// glob in Electron main and the web host, files in the CLI); this join is one
// function for all of them.
import { SAMPLES, type SampleMeta } from "../../samples/catalog/catalog";
import type { SampleLanguage, SampleSummary } from "../contract/hostApi";
import type { ProgramSource } from "./traceHeader";

/** The sample id a source file is for ("…/samples/worker-pool.ts" → "worker-pool"), or undefined for a file that is not TypeScript. */
export function sampleIdOf(path: string): string | undefined {
  return /(?:^|[\\/])([^\\/]+)\.ts$/.exec(path)?.[1];
}

/** The sample id a Go original is for ("…/samples/go/worker-pool.go" → "worker-pool"). */
export function goSampleIdOf(path: string): string | undefined {
  return /(?:^|[\\/])go[\\/]([^\\/]+)\.go$/.exec(path)?.[1];
}

/**
 * Every catalog sample whose source is present, in catalog order. `sources`
 * maps file paths (as a glob returns them) to their text, the Go originals'
 * (…/go/<id>.go) among them; files that are not in the catalog are left out,
 * and so are catalog entries whose file is not there (yet).
 */
export function sampleSummaries(
  sources: Readonly<Record<string, string>>,
  catalog: readonly SampleMeta[] = SAMPLES,
): readonly SampleSummary[] {
  const byId = new Map<string, string>();
  const goById = new Map<string, string>();
  for (const [path, source] of Object.entries(sources)) {
    const id = sampleIdOf(path);
    if (id !== undefined) byId.set(id, source);
    const goId = goSampleIdOf(path);
    if (goId !== undefined) goById.set(goId, source);
  }
  const summaries: SampleSummary[] = [];
  for (const meta of catalog) {
    const source = byId.get(meta.id);
    if (source === undefined) continue;
    summaries.push(
      Object.freeze({
        id: meta.id,
        title: meta.title,
        pattern: meta.pattern,
        lookFor: meta.lookFor,
        ending: meta.ending,
        ...(meta.deadlockSeed !== undefined ? { deadlockSeed: meta.deadlockSeed } : {}),
        file: `samples/${meta.id}.ts`,
        source,
        ...goOriginal(meta.id, goById.get(meta.id)),
      }),
    );
  }
  return Object.freeze(summaries);
}

function goOriginal(id: string, source: string | undefined): Pick<SampleSummary, "go"> {
  return source === undefined ? {} : { go: Object.freeze({ file: `samples/go/${id}.go`, source }) };
}

/**
 * What runs for a sample: source locations in its trace point at
 * samples/<id>.ts, or for its Go original at samples/go/<id>.go, which is
 * also the id its trace carries (a trace's program reruns as Go by its name).
 */
export function sampleProgram(sample: SampleSummary, language: SampleLanguage = "typescript"): ProgramSource {
  if (language === "typescript") return { name: sample.title, id: sample.id, file: sample.file, source: sample.source };
  if (sample.go === undefined) throw new Error(`sample '${sample.id}' has no Go original`);
  return { name: `${sample.title} (Go)`, id: sample.go.file, file: sample.go.file, source: sample.go.source };
}
