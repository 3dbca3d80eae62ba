// `npm start`: the desktop app, or the same app in the browser where
// Electron's binary cannot be had. The decision is tools/start/launcher.ts;
// this file only supplies the real effects.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serveBrowserTwin } from "./start/browserTwin";
import { ensureElectronBinary } from "./start/electronBinary";
import { launch } from "./start/launcher";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

function runElectronVite(args: readonly string[], electronPath: string): Promise<number> {
  const bin = require.resolve("electron-vite/bin/electron-vite.js");
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ELECTRON_EXEC_PATH: electronPath },
  });
  // Ctrl+C reaches electron-vite too, which closes Electron; this process waits for it.
  const ignore = (): void => undefined;
  process.on("SIGINT", ignore);
  return new Promise((resolve) => {
    child.on("error", (err) => {
      console.error(`chanscope: could not start electron-vite: ${err.message}`);
      resolve(1);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", ignore);
      resolve(code ?? (signal !== null ? 1 : 0));
    });
  });
}

try {
  const launched = await launch(process.argv.slice(2), process.env["INIT_CWD"] ?? process.cwd(), {
    electron: () =>
      ensureElectronBinary({
        dir: dirname(require.resolve("electron/package.json")),
        env: process.env,
        onSlowDownload: () => console.log("chanscope: downloading Electron's binary (first launch only)…"),
      }),
    electronVite: runElectronVite,
    serveBrowser: () => serveBrowserTwin({ root, open: process.stdout.isTTY === true && process.env["CI"] === undefined }),
    print: (line) => console.log(line),
  });
  if (launched.kind === "desktop") {
    process.exitCode = launched.exitCode;
  } else {
    const stop = (): void => void launched.app.close().finally(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
} catch (err) {
  console.error(`chanscope: could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
