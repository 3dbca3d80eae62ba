// Names the hosts suggest and show for files (environment-neutral: no node:path).

const SUFFIX = /(\.trace)?\.jsonl$|\.json$|\.(m?ts|m?js)$/;

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

/** A program file's name as the app shows it: "/x/prog.ts" → "prog". */
export function programName(path: string): string {
  return stem(path);
}

function stem(name: string): string {
  const base = baseName(name).replace(SUFFIX, "");
  return base === "" ? "trace" : base;
}
