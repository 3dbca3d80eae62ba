// The samples as a host offers them: the catalog's metadata joined with each
// program's source text. The hosts find the sources differently (a bundler's
// glob in Electron main and the web host, files in the CLI); this join is one
// function for all of them.
import { SAMPLES, type SampleMeta } from "../../samples/catalog/catalog";
import type { SampleSummary } from "../contract/hostApi";
import type { ProgramSource } from "./traceHeader";

/** The sample id a source file is for ("…/samples/worker-pool.ts" → "worker-pool"), or undefined for a file that is not TypeScript. */
export function sampleIdOf(path: string): string | undefined {
  return /(?:^|[\\/])([^\\/]+)\.ts$/.exec(path)?.[1];
}

/**
 * Every catalog sample whose source is present, in catalog order. `sources`
 * maps file paths (as a glob returns them) to their text; files that are not
 * in the catalog are left out, and so are catalog entries whose file is not
 * there (yet).
 */
export function sampleSummaries(
  sources: Readonly<Record<string, string>>,
  catalog: readonly SampleMeta[] = SAMPLES,
): readonly SampleSummary[] {
  const byId = new Map<string, string>();
  for (const [path, source] of Object.entries(sources)) {
    const id = sampleIdOf(path);
    if (id !== undefined) byId.set(id, source);
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
      }),
    );
  }
  return Object.freeze(summaries);
}

/** What runs for a sample: source locations in its trace point at samples/<id>.ts. */
export function sampleProgram(sample: SampleSummary): ProgramSource {
  return { name: sample.title, id: sample.id, file: sample.file, source: sample.source };
}
