// `npm run bench -- --json` prints one JSON document: each bench runs in a
// process of its own and prints its own document, and this joins them under
// the bench's name, so a JSON reader gets one value rather than several.

export interface BenchOutput {
  /** The key the bench's figures go under ("runtime", "model", …). */
  readonly name: string;
  /** What the bench's process printed on stdout with --json. */
  readonly stdout: string;
}

/** One document of every bench's figures; a bench that printed something other than one JSON value is named in the error. */
export function joinBenchReports(outputs: readonly BenchOutput[]): Readonly<Record<string, unknown>> {
  const report: Record<string, unknown> = {};
  for (const { name, stdout } of outputs) {
    if (Object.hasOwn(report, name)) throw new Error(`two benches report as '${name}'`);
    try {
      report[name] = JSON.parse(stdout);
    } catch (e) {
      const start = stdout.trim().slice(0, 120);
      throw new Error(
        `bench '${name}' did not print one JSON document with --json (${(e as Error).message}); it began: ${JSON.stringify(start)}`,
        { cause: e },
      );
    }
  }
  return report;
}
