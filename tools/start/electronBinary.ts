// Electron's binary, made sure of before electron-vite looks for it. Electron
// ≥ 45 no longer downloads it at install time: its installer (install.js, the
// `install-electron` bin) fetches it on first use and writes path.txt, which
// is all electron-vite checks. Here the installer runs in a child process so
// that a failure is one line of ours, not its stack.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type ElectronBinary =
  | { readonly kind: "present"; readonly path: string }
  /** `reason`: what failed, as the tail of a sentence ("Electron's binary …"). */
  | { readonly kind: "missing"; readonly reason: string };

export interface ElectronBinaryOptions {
  /** The electron package's folder (node_modules/electron). */
  readonly dir: string;
  /** The environment Electron's installer reads (mirror, cache, proxy …). */
  readonly env: NodeJS.ProcessEnv;
  /** Called once when the download takes longer than `slowAfterMs`: the user learns why nothing happens. */
  readonly onSlowDownload?: () => void;
  readonly slowAfterMs?: number;
}

/** The installed binary's path, as electron's index.js and electron-vite find it, when it is there. */
export function installedElectron(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  const pathFile = join(dir, "path.txt");
  if (!existsSync(pathFile)) return undefined;
  const executable = readFileSync(pathFile, "utf8");
  const path =
    env["ELECTRON_OVERRIDE_DIST_PATH"] !== undefined ? join(env["ELECTRON_OVERRIDE_DIST_PATH"], executable) : join(dir, "dist", executable);
  return existsSync(path) ? path : undefined;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** The gist of a failed installer's output: its error's message, without the error's name or its stack. */
export function installerFailure(output: string, exitCode: number | null): string {
  const line = output
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "" && !l.startsWith("at ") && !/^Downloading Electron/i.test(l));
  return line === undefined ? `its installer exited with code ${exitCode ?? "none"}` : line.replace(/^[A-Za-z]*Error: /, "");
}

export async function ensureElectronBinary(options: ElectronBinaryOptions): Promise<ElectronBinary> {
  const { dir, env } = options;
  const chosen = env["ELECTRON_EXEC_PATH"];
  if (chosen !== undefined && chosen !== "") {
    return existsSync(chosen)
      ? { kind: "present", path: chosen }
      : { kind: "missing", reason: `ELECTRON_EXEC_PATH names no file (${chosen})` };
  }
  const installed = installedElectron(dir, env);
  if (installed !== undefined) return { kind: "present", path: installed };
  if (isSet(env["ELECTRON_SKIP_BINARY_DOWNLOAD"])) {
    return { kind: "missing", reason: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set" };
  }
  const { code, output } = await runInstaller(options);
  if (code !== 0)
    return {
      kind: "missing",
      reason: `Electron's binary is not installed and could not be downloaded (${installerFailure(output, code)})`,
    };
  const path = installedElectron(dir, env);
  return path !== undefined ? { kind: "present", path } : { kind: "missing", reason: "Electron's installer finished but left no binary" };
}

function runInstaller(options: ElectronBinaryOptions): Promise<{ readonly code: number | null; readonly output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(options.dir, "install.js")], { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (output += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (output += text));
    const slow = setTimeout(() => options.onSlowDownload?.(), options.slowAfterMs ?? 2000);
    const done = (code: number | null, extra = ""): void => {
      clearTimeout(slow);
      resolve({ code, output: output + extra });
    };
    child.on("error", (err) => done(null, `${err.message}\n`));
    child.on("close", (code) => done(code));
  });
}
