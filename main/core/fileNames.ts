// Names the hosts suggest and show for files (environment-neutral: no node:path).

const SUFFIX = /(\.trace)?\.jsonl$|\.json$|\.(m?ts|m?js|go)$/;

/** The last part of a path, with either kind of slash. */
function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** "worker-pool" / "/x/prog.ts" / "run.trace.jsonl" → "worker-pool.trace.jsonl" / "prog.trace.jsonl" / "run.trace.jsonl". */
export function suggestedTraceName(name: string): string {
  return `${stem(name)}.trace.jsonl`;
}

/** The Perfetto export beside a trace: "run.trace.jsonl" → "run.json". */
export function suggestedPerfettoName(name: string): string {
  return `${stem(name)}.json`;
}

/** A file the hosts treat as a program (to show, then run if the user says so) rather than as a trace. */
export const isProgramFile = (name: string): boolean => /\.(m?ts|m?js|go)$/i.test(baseName(name));

/** A program in Go, which the hosts compile (gofront) rather than transpile. */
export const isGoFile = (name: string): boolean => /\.go$/i.test(name);

/** A program file's name as the app shows it: "/x/prog.ts" → "prog". */
export function programName(path: string): string {
  return stem(path);
}

function stem(name: string): string {
  const base = baseName(name).replace(SUFFIX, "");
  return base === "" ? "trace" : base;
}

/**
 * The program a trace's header carries, to run only after the user saw it and
 * chose to: the same name, id and file locations as the run that made it.
 */
export function embeddedProgram(header: {
  readonly program: { readonly name: string; readonly id?: string; readonly source?: string };
}): { readonly name: string; readonly id: string; readonly file: string; readonly source: string } | undefined {
  const p = header.program;
  if (p.source === undefined) return undefined;
  const id = p.id ?? p.name;
  return { name: p.name, id, file: id, source: p.source };
}
