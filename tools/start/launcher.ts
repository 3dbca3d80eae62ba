// `npm start`: the desktop app when Electron's binary is there or can be had,
// the same app served in the browser when it cannot (no network to
// Electron's host, ELECTRON_SKIP_BINARY_DOWNLOAD). The decision, with every
// effect injected; tools/start.ts supplies the real ones.
import { isAbsolute, resolve } from "node:path";
import type { ElectronBinary } from "./electronBinary";

/** The browser twin, serving. */
export interface ServedApp {
  readonly url: string;
  close(): Promise<void>;
}

export interface LaunchDeps {
  /** Makes sure Electron's binary is there, downloading it on first use. */
  readonly electron: () => Promise<ElectronBinary>;
  /** Runs electron-vite with these arguments, with Electron at `electronPath`; resolves to its exit code. */
  readonly electronVite: (args: readonly string[], electronPath: string) => Promise<number>;
  /** Serves the browser twin (what `npm run web` serves) on localhost. */
  readonly serveBrowser: () => Promise<ServedApp>;
  readonly print: (line: string) => void;
}

export type Launched = { readonly kind: "desktop"; readonly exitCode: number } | { readonly kind: "browser"; readonly app: ServedApp };

/**
 * electron-vite's arguments for the desktop app in development. What the user
 * gave (`npm start -- run.trace.jsonl`) goes to Electron, after `--`, file
 * paths made absolute against the folder the user was in.
 */
export function electronViteArgs(args: readonly string[], userCwd: string): readonly string[] {
  const forwarded = args.map((a) => (a.startsWith("-") || isAbsolute(a) ? a : resolve(userCwd, a)));
  return ["dev", "--config", "electron.config.ts", ...(forwarded.length > 0 ? ["--", ...forwarded] : [])];
}

export async function launch(args: readonly string[], userCwd: string, deps: LaunchDeps): Promise<Launched> {
  const electron = await deps.electron();
  if (electron.kind === "present") {
    return { kind: "desktop", exitCode: await deps.electronVite(electronViteArgs(args, userCwd), electron.path) };
  }
  deps.print(`chanscope: ${electron.reason}; serving the same app in the browser instead.`);
  const app = await deps.serveBrowser();
  const files = args.filter((a) => !a.startsWith("-"));
  if (files.length > 0) deps.print(`chanscope: a page cannot open files by path; drop ${files.join(", ")} on it.`);
  deps.print(`chanscope is at ${app.url} (Ctrl+C stops it)`);
  return { kind: "browser", app };
}
