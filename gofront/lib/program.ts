// Runs what gofront/compiler emitted: evaluates the code once per run with the
// runtime, gofront's run-time library and the standard packages, and gives
// the main goroutine. The program's stdout goes to the run's console a line
// at a time (an `output` event each), so the trace shows what it printed.

import * as runtime from "../../runtime/index";
import type { ProgramGlobals } from "../../runtime/index";
import * as support from "./support";
import { stdPackages, type StdPackages } from "./std/index";
import { GoHost } from "./host";

export interface GoProgram {
  /** The main goroutine: package initialization, then main.main. */
  readonly main: () => Promise<void>;
  /** Prints what the program wrote after its last newline (call when the run ends, whatever the ending). */
  readonly flush: () => void;
  readonly host: GoHost;
}

type Factory = (rt: typeof runtime, lib: typeof support, std: StdPackages, host: GoHost) => () => Promise<void>;

/** Evaluates compiled code; `globals` are the run's (its console, its seeded Math). */
export function goProgram(code: string, file: string, globals: ProgramGlobals): GoProgram {
  const host = new GoHost(globals);
  // Indirect eval: the code sees only its parameters and the realm's builtins.
  const factory = (0, eval)(`(function ($rt, $lib, $std, $host) {${code}\n})\n//# sourceURL=${file}.js`) as Factory;
  const main = factory(runtime, support, stdPackages(host), host);
  return { main, flush: () => host.flush(), host };
}
