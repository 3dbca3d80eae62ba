// Runs a test's program as a compiled Go program runs: on the runtime, with
// the run's own globals and a GoHost, and the concurrency packages built for it.

import { programGlobals, run, type RunOptions, type RunResult } from "../../../../runtime/index";
import { GoHost } from "../../host";
import { concurrentPackages } from "../concurrent";

export type Packages = ReturnType<typeof concurrentPackages>;

/** Runs main(packages, host) as the main goroutine; what it records stays in the result's events. */
export function runGo(main: (std: Packages, host: GoHost) => unknown, options: RunOptions = {}): Promise<RunResult> {
  const globals = programGlobals();
  const host = new GoHost(globals);
  const std = concurrentPackages(host);
  return run(() => main(std, host), { wallTimeBudgetMs: 20_000, ...options, globals });
}
