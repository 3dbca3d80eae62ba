import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureElectronBinary, installedElectron, installerFailure } from "./electronBinary";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-electron-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("Electron's binary", () => {
  it("is the executable path.txt names under dist/, once both are there", async () => {
    expect(installedElectron(dir, {})).toBeUndefined();
    await writeFile(join(dir, "path.txt"), "electron");
    expect(installedElectron(dir, {})).toBeUndefined();
    await mkdir(join(dir, "dist"));
    await writeFile(join(dir, "dist", "electron"), "");
    expect(installedElectron(dir, {})).toBe(join(dir, "dist", "electron"));
  });

  it("is there without running the installer when installed, even with downloads turned off", async () => {
    await writeFile(join(dir, "path.txt"), "electron");
    await mkdir(join(dir, "dist"));
    await writeFile(join(dir, "dist", "electron"), "");
    // No install.js in `dir`: running the installer would fail.
    expect(await ensureElectronBinary({ dir, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: "1" } })).toEqual({
      kind: "present",
      path: join(dir, "dist", "electron"),
    });
  });

  it("is the one ELECTRON_EXEC_PATH names, as electron-vite takes it", async () => {
    const exe = join(dir, "my-electron");
    await writeFile(exe, "");
    expect(await ensureElectronBinary({ dir, env: { ELECTRON_EXEC_PATH: exe } })).toEqual({ kind: "present", path: exe });
  });

  it("is not downloaded when ELECTRON_SKIP_BINARY_DOWNLOAD is set", async () => {
    expect(await ensureElectronBinary({ dir, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: "1" } })).toEqual({
      kind: "missing",
      reason: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set",
    });
  });

  it("reports a failed installer by its error's message, without the stack", () => {
    const output =
      "Downloading Electron binary...\nTypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x.js:46:30)\n";
    expect(installerFailure(output, 1)).toBe("fetch failed");
    expect(installerFailure("", 1)).toBe("its installer exited with code 1");
  });
});
