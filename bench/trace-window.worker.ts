// The window's side of bench/trace.bench.ts's "overlapped" desktop open, in a
// worker thread: it follows the host's announcements with the renderer's own
// EarlyChunkBuilds, fetches chunks from the parent thread (Electron main) the
// way the window calls traceChunk, and finishes the build on the reply. Each
// chunk arrives as one structured clone (IPC's copy); one more structuredClone
// stands for the context bridge's.
import { parentPort } from "node:worker_threads";
import type { OpenedTrace, OpenProgress } from "../main/contract/hostApi";
import { EarlyChunkBuilds, modelOfOpenedTrace } from "../renderer/state/openedTraceModel";

export type ToWindow =
  { readonly progress: OpenProgress } | { readonly chunk: number; readonly bytes: Uint8Array } | { readonly reply: OpenedTrace };
export type FromWindow = { readonly fetch: number } | { readonly done: true; readonly events: number; readonly copyMs: number };

const port = parentPort!;
const send = (m: FromWindow): void => port.postMessage(m);
const waiting = new Map<number, (bytes: Uint8Array) => void>();
let copyMs = 0;
const fetchChunk = (_id: number, i: number): Promise<Uint8Array> =>
  new Promise((resolve) => {
    waiting.set(i, resolve);
    send({ fetch: i });
  });
const builds = new EarlyChunkBuilds(fetchChunk);

port.on("message", (m: ToWindow) => {
  if ("progress" in m) {
    builds.progress(m.progress);
  } else if ("chunk" in m) {
    const c0 = performance.now();
    const bytes = structuredClone(m.bytes);
    copyMs += performance.now() - c0;
    waiting.get(m.chunk)?.(bytes);
    waiting.delete(m.chunk);
  } else {
    const t = m.reply;
    const early = t.content.kind === "chunks" ? builds.claim(t.content.id) : undefined;
    void modelOfOpenedTrace(t, fetchChunk, () => {}, early).then((model) => {
      send({ done: true, events: model.length, copyMs });
      port.close();
    });
  }
});
