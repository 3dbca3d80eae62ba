import { describe, expect, it, vi } from "vitest";
import type { HostRequests } from "./ipcHandlers";
import { ipcHandlers } from "./ipcHandlers";
import { appUrlMatcher, isTrustedSender, type IpcSender } from "./trustedSender";

const APP_PAGE = "file:///opt/chanscope/out/renderer/index.html";
const isAppUrl = appUrlMatcher({ file: APP_PAGE });
const app = { webContentsId: () => 7, isAppUrl };
const own: IpcSender = { webContentsId: 7, frame: { url: APP_PAGE, isTop: true } };

function fakeHost(): HostRequests {
  const reply = vi.fn(() => Promise.resolve(undefined));
  return new Proxy({} as HostRequests, { get: () => reply });
}

function handlers(host = fakeHost()) {
  return ipcHandlers(host, (s) => isTrustedSender(s, app));
}

describe("IPC handlers in main", () => {
  it("answer the app's own top frame", async () => {
    const host = { ...fakeHost(), info: () => Promise.resolve({ kind: "electron" as const, version: "1" }) };
    await expect(handlers(host).info(own, [])).resolves.toEqual({ kind: "electron", version: "1" });
  });

  it("call each request on the host, so a class's methods keep their this", async () => {
    class Host {
      private readonly answer = { kind: "electron" as const, version: "2" };
      info() {
        return Promise.resolve(this.answer);
      }
      recentFiles() {
        return Promise.resolve([{ path: this.answer.version, name: "n", kind: "trace" as const }]);
      }
    }
    const h = handlers(new Host() as unknown as HostRequests);
    await expect(h.info(own, [])).resolves.toEqual({ kind: "electron", version: "2" });
    await expect(h.recentFiles(own, [])).resolves.toEqual([{ path: "2", name: "n", kind: "trace" }]);
  });

  it("refuse a call from a foreign frame (an iframe inside the app's window)", async () => {
    const iframe: IpcSender = { webContentsId: 7, frame: { url: "https://evil.example/", isTop: false } };
    await expect(handlers().listSamples(iframe, [])).rejects.toThrow(/refused listSamples/);
  });

  it("refuse a call from another page in the app's window", async () => {
    const navigated: IpcSender = { webContentsId: 7, frame: { url: "https://evil.example/", isTop: true } };
    await expect(handlers().openTrace(navigated, [])).rejects.toThrow(/refused/);
  });

  it("refuse a call from another webContents, or a frame that is gone", async () => {
    await expect(handlers().info({ webContentsId: 8, frame: { url: APP_PAGE, isTop: true } }, [])).rejects.toThrow(/refused/);
    await expect(handlers().info({ webContentsId: 7, frame: undefined }, [])).rejects.toThrow(/refused/);
  });

  it("check the arguments before the host sees them", async () => {
    const startRun = vi.fn(() => Promise.resolve({ runId: 1 } as never));
    const h = handlers({ ...fakeHost(), startRun });
    await expect(
      h.startRun(own, [
        { kind: "sample", id: "x" },
        { seed: 1, strategy: "lifo" },
      ]),
    ).rejects.toThrow(/startRun settings.strategy: expected "fifo" or "random"/);
    await expect(
      h.startRun(own, [
        { kind: "shell", cmd: "rm" },
        { seed: 1, strategy: "fifo" },
      ]),
    ).rejects.toThrow(/program.kind/);
    await expect(
      h.startRun(own, [
        { kind: "sample", id: "x", extra: 1 },
        { seed: 1, strategy: "fifo" },
      ]),
    ).rejects.toThrow(/unexpected field "extra"/);
    // A program's text is never something a window can ask main to run.
    await expect(
      h.startRun(own, [
        { kind: "source", name: "x.ts", source: "export default async function main() {}" },
        { seed: 1, strategy: "fifo" },
      ]),
    ).rejects.toThrow(/startRun program.kind: expected "sample", "file" or "trace"/);
    await expect(h.grantDroppedPaths(own, ["not a list"])).rejects.toThrow(/grantDroppedPaths paths/);
    await expect(h.stopRun(own, ["1"])).rejects.toThrow(/stopRun runId/);
    await expect(h.openRecent(own, [])).rejects.toThrow(/expected 1 argument/);
    await expect(h.openRecent(own, ["a\0b"])).rejects.toThrow(/NUL/);
    expect(startRun).not.toHaveBeenCalled();
    await h.startRun(own, [
      { kind: "sample", id: "x" },
      { seed: 3, strategy: "random", wallTimeMs: 500 },
    ]);
    expect(startRun).toHaveBeenCalledWith({ kind: "sample", id: "x" }, { seed: 3, strategy: "random", wallTimeMs: 500 });
  });

  it("pass a sample's language only as typescript or go", async () => {
    const startRun = vi.fn(() => Promise.resolve({ runId: 1 } as never));
    const h = handlers({ ...fakeHost(), startRun });
    const settings = { seed: 1, strategy: "fifo" };
    await expect(h.startRun(own, [{ kind: "sample", id: "x", language: "rust" }, settings])).rejects.toThrow(
      /startRun program.language: expected "typescript" or "go"/,
    );
    await h.startRun(own, [{ kind: "sample", id: "x", language: "go" }, settings]);
    expect(startRun).toHaveBeenCalledWith({ kind: "sample", id: "x", language: "go" }, settings);
  });

  it("pass a trace chunk's content id and index only as whole numbers in range", async () => {
    const traceChunk = vi.fn(() => Promise.resolve(new Uint8Array(1)));
    const h = handlers({ ...fakeHost(), traceChunk });
    await expect(h.traceChunk(own, [1])).rejects.toThrow(/expected 2 arguments/);
    await expect(h.traceChunk(own, [0, 0])).rejects.toThrow(/traceChunk contentId/);
    await expect(h.traceChunk(own, [1, -1])).rejects.toThrow(/traceChunk index/);
    await expect(h.traceChunk(own, [1, 0.5])).rejects.toThrow(/traceChunk index/);
    expect(traceChunk).not.toHaveBeenCalled();
    await expect(h.traceChunk(own, [2, 0])).resolves.toEqual(new Uint8Array(1));
    expect(traceChunk).toHaveBeenCalledWith(2, 0);
  });
});

describe("the app's own page", () => {
  it("is the built index.html, whatever its query or hash", () => {
    expect(isAppUrl(`${APP_PAGE}#/trace`)).toBe(true);
    expect(isAppUrl("file:///tmp/other.html")).toBe(false);
  });

  it("is the dev server's origin in development, and only it", () => {
    const dev = appUrlMatcher({ file: APP_PAGE, devServer: "http://localhost:5173/" });
    expect(dev("http://localhost:5173/index.html")).toBe(true);
    expect(dev("http://localhost:5174/")).toBe(false);
    expect(dev("not a url")).toBe(false);
  });
});
