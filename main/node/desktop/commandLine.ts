// Files given on the command line (`chanscope-app run.trace.jsonl`): opened at
// start, and when a second launch hands its arguments to the running app.
import { isAbsolute, resolve } from "node:path";
import type { RecentFile } from "../../contract/hostApi";

/**
 * The file arguments in `argv`. Electron's argv starts with the executable; run
 * unpackaged (`electron .`, electron-vite) the app's path follows it. Switches
 * (Chromium's or ours) start with "-" and are not files.
 */
export function fileArguments(argv: readonly string[], unpackaged: boolean, cwd: string): readonly string[] {
  const args = argv.slice(unpackaged ? 2 : 1);
  return args.filter((a) => a !== "" && !a.startsWith("-")).map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}

/** A program (TypeScript, JavaScript or Go source) or, by default, a trace. */
export function fileKindOf(path: string): RecentFile["kind"] {
  return /\.(m?ts|m?js|cts|cjs|go)$/i.test(path) ? "program" : "trace";
}
