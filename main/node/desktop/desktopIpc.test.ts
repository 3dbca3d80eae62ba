// The desktop app's requests as Electron drives them, without Electron: the
// preload's HostApi (main/core/ipcHostApi.ts) over a stand-in for Electron's
// IPC (structured clones, delivery a task later, remote errors), main's real
// handlers with the real sender check, and a real DesktopHost with its files
// in a temporary folder and its runs in worker threads. Only the dialogs and
// the OS's paths for dropped files are scripted.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HostApi, RunBatch, RunEnded, OpenProgress, MenuCommand } from "../../contract/hostApi";
import { IPC_REQUESTS } from "../../contract/ipcChannels";
import { bundledSamples } from "../../core/bundledSamples";
import { ipcHostApi } from "../../core/ipcHostApi";
import { ElectronIpc } from "../../testing/electronIpc";
import { RUNAWAY_PROGRAM } from "../../testing/programs";
import { typeScriptRunWorkers } from "../../testing/testWorkers";
import { handlersByChannel, ipcEventSender, ipcHandlers } from "../ipc/ipcHandlers";
import { appUrlMatcher, isTrustedSender, type IpcSender } from "../ipc/trustedSender";
import { RecentFiles } from "../recent/recentFiles";
import { SessionStore } from "../session/sessionStore";
import { DesktopHost, type DesktopDialogs } from "./desktopHost";

const APP_PAGE = "file:///opt/chanscope/out/renderer/index.html";
const WINDOW_ID = 3;
const appFrame: IpcSender = { webContentsId: WINDOW_ID, frame: { url: APP_PAGE, isTop: true } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-desktop-ipc-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** main/electron/index.ts's wiring, with Electron's IPC played by ElectronIpc. */
function desktopApp(dialogs: DesktopDialogs, options: { sender?: IpcSender; droppedPaths?: Map<File, string> } = {}) {
  const ipc = new ElectronIpc(options.sender ?? appFrame);
  const host = new DesktopHost({
    samples: bundledSamples(),
    createWorker: typeScriptRunWorkers(),
    session: new SessionStore(dir),
    recent: new RecentFiles(join(dir, "userData")),
    dialogs,
    emit: ipcEventSender((channel, payload) => ipc.send(channel, payload)),
    runOptions: { stopGraceMs: 200 },
  });
  const isAppUrl = appUrlMatcher({ file: APP_PAGE });
  const handlers = ipcHandlers(host, (sender) => isTrustedSender(sender, { webContentsId: () => WINDOW_ID, isAppUrl }));
  for (const [channel, handler] of handlersByChannel(handlers)) ipc.handle(channel, handler);
  const api: HostApi = ipcHostApi(ipc.renderer((file) => options.droppedPaths?.get(file) ?? ""));
  return { api, host, ipc };
}

/** What the window hears from main, through the preload's listeners. */
function listen(api: HostApi) {
  const batches: RunBatch[] = [];
  const endings: RunEnded[] = [];
  const progress: OpenProgress[] = [];
  api.onRunBatch((b) => batches.push(b));
  api.onRunEnded((e) => endings.push(e));
  api.onOpenProgress((p) => progress.push(p));
  const ended = async (runId: number): Promise<RunEnded> => {
    for (;;) {
      const e = endings.find((x) => x.runId === runId);
      if (e !== undefined) return e;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const eventsOf = (runId: number) => batches.filter((b) => b.runId === runId).flatMap((b) => b.events);
  return { batches, progress, ended, eventsOf };
}

const noDialogs: DesktopDialogs = {
  chooseTraceToOpen: () => Promise.resolve(undefined),
  chooseProgram: () => Promise.resolve(undefined),
  chooseSaveTarget: () => Promise.resolve(undefined),
};

describe("the desktop app through the preload's methods and main's real handlers", () => {
  it("performs every request of the contract", async () => {
    const golden = await readFile(new URL("../../../traces/examples/worker-pool.trace.jsonl", import.meta.url));
    const trace = join(dir, "pool.trace.jsonl");
    const dropped = join(dir, "dropped.trace.jsonl");
    await writeFile(trace, golden);
    await writeFile(dropped, golden);
    const program = join(dir, "spin.ts");
    await writeFile(program, RUNAWAY_PROGRAM);
    const droppedFile = new File([golden], "dropped.trace.jsonl");
    const { api, host, ipc } = desktopApp(
      {
        chooseTraceToOpen: () => Promise.resolve(trace),
        chooseProgram: () => Promise.resolve(program),
        chooseSaveTarget: (name) => Promise.resolve(join(dir, `saved-${name}`)),
      },
      { droppedPaths: new Map([[droppedFile, dropped]]) },
    );
    const window = listen(api);

    expect(await api.info()).toEqual({ kind: "electron", version: expect.any(String) as string });
    const samples = await api.listSamples();
    expect(samples.map((s) => s.id)).toContain("worker-pool");

    // A sample runs in a worker; its events and its end reach the window.
    const run = await api.startRun({ kind: "sample", id: "hello-goroutine" }, { seed: 1, strategy: "fifo" });
    expect(run.header.program).toMatchObject({ id: "hello-goroutine", name: "Hello, goroutine" });
    expect(await window.ended(run.runId)).toMatchObject({ outcome: "ok", eventCount: window.eventsOf(run.runId).length });
    expect(window.eventsOf(run.runId).at(-1)?.kind).toBe("end");

    // A program picked in the dialog runs until it is stopped.
    const picked = await api.pickProgram();
    expect(picked).toEqual({ kind: "file", path: program });
    const spin = await api.startRun(picked!, { seed: 1, strategy: "fifo", realTime: true });
    while (window.eventsOf(spin.runId).length === 0) await new Promise((r) => setTimeout(r, 10));
    await api.stopRun(spin.runId);
    expect(await window.ended(spin.runId)).toMatchObject({ outcome: "stopped", eventCount: window.eventsOf(spin.runId).length });

    // A trace opens as chunks the window fetches, with progress on the way.
    const opened = await api.openTrace();
    if (opened.kind !== "opened" || opened.trace.content.kind !== "chunks")
      throw new Error(`not opened as chunks: ${JSON.stringify(opened)}`);
    expect(opened.trace).toMatchObject({ name: "pool.trace.jsonl", path: trace, ended: true });
    const { id, chunkCount } = opened.trace.content;
    const chunks = await Promise.all([...Array(chunkCount).keys()].map((i) => api.traceChunk(id, i)));
    expect(chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    expect(Buffer.concat(chunks).equals(golden)).toBe(true);
    expect(window.progress.at(-1)).toMatchObject({ name: "pool.trace.jsonl", bytesRead: golden.length, contentId: id });

    // A cancel with no open under way changes nothing: the trace stays open.
    await api.cancelOpen();
    expect(await api.currentSession()).toMatchObject({ kind: "trace", trace: { name: "pool.trace.jsonl" } });

    // A file dropped on the window opens by the path the OS gives it, once the preload has granted the drop's paths.
    expect(await api.openDroppedFile(droppedFile)).toMatchObject({
      kind: "failed",
      problem: { message: "not a file dropped on this window" },
    });
    await ipc.renderer(() => "").invoke(IPC_REQUESTS.grantDroppedPaths, [dropped]);
    expect(await api.openDroppedFile(droppedFile)).toMatchObject({ kind: "opened", trace: { name: "dropped.trace.jsonl", path: dropped } });

    // Recent files: both traces and the program, and a recent trace reopens.
    expect((await api.recentFiles()).map((f) => [f.name, f.kind])).toEqual([
      ["dropped.trace.jsonl", "trace"],
      ["pool.trace.jsonl", "trace"],
      ["spin.ts", "program"],
    ]);
    expect(await api.openRecent(trace)).toMatchObject({ kind: "opened", trace: { path: trace } });
    const session = await api.currentSession();
    expect(session).toMatchObject({ kind: "trace", trace: { name: "pool.trace.jsonl" } });

    // Save writes the session's trace; export writes it for Perfetto.
    expect(await api.saveTrace()).toEqual({ kind: "saved", name: "saved-pool.trace.jsonl", bytes: golden.length });
    expect((await readFile(join(dir, "saved-pool.trace.jsonl"))).equals(golden)).toBe(true);
    const exported = await api.exportPerfetto();
    expect(exported).toMatchObject({ kind: "saved", name: "saved-pool.json" });
    expect(
      (JSON.parse(await readFile(join(dir, "saved-pool.json"), "utf8")) as { traceEvents: unknown[] }).traceEvents.length,
    ).toBeGreaterThan(0);

    expect([...ipc.invoked].sort()).toEqual(Object.values(IPC_REQUESTS).sort());
    await host.dispose();
  });

  it("rejects a failed request with main's own words", async () => {
    const { api, host } = desktopApp(noDialogs);
    await expect(api.startRun({ kind: "sample", id: "nope" }, { seed: 1, strategy: "fifo" })).rejects.toThrow(/^no sample 'nope'$/);
    await expect(api.traceChunk(99, 0)).rejects.toThrow(/no longer open/);
    await expect(api.startRun({ kind: "sample", id: "x" }, { seed: 1, strategy: "lifo" as "fifo" })).rejects.toThrow(
      /^IpcArgumentError: startRun settings.strategy/,
    );
    await host.dispose();
  });

  it("answers a cancelled dialog and a dropped file without a path without asking main to read anything", async () => {
    const { api, host } = desktopApp(noDialogs);
    expect(await api.openTrace()).toEqual({ kind: "cancelled" });
    expect(await api.pickProgram()).toBeUndefined();
    expect(await api.saveTrace()).toMatchObject({ kind: "failed", message: expect.stringMatching(/nothing to save/) as string });
    expect(await api.openDroppedFile(new File(["x"], "pasted.trace.jsonl"))).toEqual({
      kind: "failed",
      problem: { file: "pasted.trace.jsonl", message: "not a file on disk: cannot open it" },
    });
    await host.dispose();
  });

  it("refuses every request from a frame that is not the app's own", async () => {
    const { api, host } = desktopApp(noDialogs, {
      sender: { webContentsId: WINDOW_ID, frame: { url: "https://evil.example/", isTop: false } },
    });
    await expect(api.listSamples()).rejects.toThrow(/^IpcRefusedError: refused listSamples/);
    await host.dispose();
  });

  it("keeps a menu command sent before the window listens, for its first listener", async () => {
    const ipc = new ElectronIpc(appFrame);
    const api = ipcHostApi(ipc.renderer());
    const emit = ipcEventSender((channel, payload) => ipc.send(channel, payload));
    const file = { path: join(dir, "x.trace.jsonl"), name: "x.trace.jsonl", kind: "trace" as const };
    emit("menuCommand", { kind: "open-recent", file });
    await new Promise((r) => setImmediate(r));
    const heard: MenuCommand[] = [];
    api.onMenuCommand((c) => heard.push(c));
    expect(heard).toEqual([{ kind: "open-recent", file }]);
  });
});
