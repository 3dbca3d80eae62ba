import { describe, expect, it, vi } from "vitest";
import type { ElectronBinary } from "./electronBinary";
import { electronViteArgs, launch, type LaunchDeps } from "./launcher";

function deps(electron: ElectronBinary) {
  const printed: string[] = [];
  const close = vi.fn(() => Promise.resolve(undefined));
  const d = {
    electron: vi.fn(() => Promise.resolve(electron)),
    electronVite: vi.fn(() => Promise.resolve(0)),
    serveBrowser: vi.fn(() => Promise.resolve({ url: "http://localhost:5173/", close })),
    print: (line: string) => printed.push(line),
  } satisfies LaunchDeps;
  return { ...d, printed };
}

describe("npm start", () => {
  it("runs electron-vite with Electron's binary when it is there, and serves nothing", async () => {
    const d = deps({ kind: "present", path: "/e/dist/electron" });
    expect(await launch([], "/home/u", d)).toEqual({ kind: "desktop", exitCode: 0 });
    expect(d.electronVite).toHaveBeenCalledWith(["dev", "--config", "electron.config.ts"], "/e/dist/electron");
    expect(d.serveBrowser).not.toHaveBeenCalled();
    expect(d.printed).toEqual([]);
  });

  it("passes electron-vite's exit code on", async () => {
    const d = deps({ kind: "present", path: "/e/dist/electron" });
    d.electronVite.mockResolvedValueOnce(3);
    expect(await launch([], "/home/u", d)).toEqual({ kind: "desktop", exitCode: 3 });
  });

  it("hands the files it is given to Electron, made absolute against the user's folder", () => {
    expect(electronViteArgs(["run.trace.jsonl", "/t/prog.ts", "--inspect"], "/home/u")).toEqual([
      "dev",
      "--config",
      "electron.config.ts",
      "--",
      "/home/u/run.trace.jsonl",
      "/t/prog.ts",
      "--inspect",
    ]);
  });

  it("says in one line what failed and serves the same app in the browser when the binary cannot be had", async () => {
    const d = deps({ kind: "missing", reason: "Electron's binary is not installed and could not be downloaded (fetch failed)" });
    const launched = await launch([], "/home/u", d);
    expect(launched.kind).toBe("browser");
    expect(d.electronVite).not.toHaveBeenCalled();
    expect(d.printed).toEqual([
      "chanscope: Electron's binary is not installed and could not be downloaded (fetch failed); serving the same app in the browser instead.",
      "chanscope is at http://localhost:5173/ (Ctrl+C stops it)",
    ]);
  });

  it("tells the user to drop the files it was given on the page, which cannot open them by path", async () => {
    const d = deps({ kind: "missing", reason: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set" });
    await launch(["run.trace.jsonl"], "/home/u", d);
    expect(d.printed[1]).toBe("chanscope: a page cannot open files by path; drop run.trace.jsonl on it.");
  });
});
