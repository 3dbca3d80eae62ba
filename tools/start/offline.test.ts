// npm start on a machine without Electron's binary and without a way to get
// it, with the real installer and the real vite server. Electron's package is
// copied to a temporary folder (its installer would write path.txt and dist/
// beside itself), its download pointed at a closed local port and its cache at
// a temporary folder: the repository's node_modules/electron is never touched.
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serveBrowserTwin } from "./browserTwin";
import { ensureElectronBinary } from "./electronBinary";
import { launch, type ServedApp } from "./launcher";

const root = fileURLToPath(new URL("../../", import.meta.url));

let dir: string;
let served: ServedApp | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-start-"));
});
afterEach(async () => {
  await served?.close();
  served = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A copy of Electron's package without its binary, whose installer finds its dependencies in the repository. */
async function electronWithoutBinary(): Promise<string> {
  const modules = join(dir, "node_modules");
  const electron = join(modules, "electron");
  await mkdir(electron, { recursive: true });
  for (const file of ["package.json", "install.js", "checksums.json", "index.js"])
    await cp(join(root, "node_modules/electron", file), join(electron, file));
  await symlink(join(root, "node_modules/@electron"), join(modules, "@electron"), "dir");
  return electron;
}

/** A local address nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment without anything that would point Electron's installer elsewhere. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/electron/i.test(k)));
  return { ...env, ...extra };
}

async function start(env: NodeJS.ProcessEnv, electronDir: string) {
  const printed: string[] = [];
  const launched = await launch([], root, {
    electron: () => ensureElectronBinary({ dir: electronDir, env, slowAfterMs: 60_000 }),
    electronVite: () => Promise.reject(new Error("electron-vite must not run without Electron's binary")),
    serveBrowser: () => serveBrowserTwin({ root, port: 0 }),
    print: (line) => printed.push(line),
  });
  if (launched.kind !== "browser") throw new Error("expected the browser twin");
  served = launched.app;
  return { printed, url: launched.app.url };
}

/** The page the URL serves, and each of its module scripts: the browser host's installer and the app's entry. */
async function expectTheApp(url: string): Promise<void> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("<title>chanscope</title>");
  expect(html).toContain('<div id="root"></div>');
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.some((s) => s.endsWith("/main/web/install.ts"))).toBe(true);
  expect(scripts.some((s) => s.endsWith("/index.tsx"))).toBe(true);
  for (const src of scripts) {
    const script = await fetch(new URL(src, url));
    expect(script.status, src).toBe(200);
    expect(script.headers.get("content-type"), src).toMatch(/javascript/);
    expect((await script.text()).length, src).toBeGreaterThan(0);
  }
}

function expectOneLineWithoutStack(printed: readonly string[], failure: RegExp): void {
  expect(printed[0]).toMatch(failure);
  expect(printed[0]).toMatch(/; serving the same app in the browser instead\.$/);
  expect(printed.join("\n")).not.toMatch(/\n\s+at |Error:/);
  expect(printed.slice(1)).toEqual([expect.stringMatching(/^chanscope is at http:\/\/localhost:\d+\/ \(Ctrl\+C stops it\)$/)]);
}

describe("npm start without Electron's binary", () => {
  it("says its download failed in one line, then serves the app in the browser", async () => {
    const electron = await electronWithoutBinary();
    const env = cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`, electron_config_cache: join(dir, "cache") });
    const { printed, url } = await start(env, electron);
    expectOneLineWithoutStack(printed, /^chanscope: Electron's binary is not installed and could not be downloaded \(.+\)/);
    await expectTheApp(url);
    expect(await readdir(electron)).not.toContain("path.txt");
  });

  it("says downloads are turned off in one line, then serves the app in the browser", async () => {
    const electron = await electronWithoutBinary();
    const { printed, url } = await start(cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: "1" }), electron);
    expectOneLineWithoutStack(printed, /^chanscope: Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set;/);
    await expectTheApp(url);
  });
});
