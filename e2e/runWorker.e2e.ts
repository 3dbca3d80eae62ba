// The browser twin's run worker in Chromium: what a program in it can reach,
// and what is kept when it has to be terminated. Driven through the HostApi
// the renderer uses (globalThis.chanscope).
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { HostApi, RunBatch, RunEnded } from "../main/contract/hostApi";
import type { TraceEvent } from "../traces/events";
import { SPIN_AT_ONCE_PROGRAM } from "../main/testing/programs";
import { useApp } from "./fixture";

const app = useApp();

async function hostPage(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.waitForFunction(() => typeof (globalThis as unknown as { chanscope: HostApi }).chanscope === "object");
  return page;
}

interface RunRecord {
  readonly events: readonly TraceEvent[];
  readonly ended: RunEnded;
}

/** Runs a program's source in the page; `stopAfterMs` stops it that long after it started. */
function runInPage(page: Page, name: string, source: string, settings: unknown, stopAfterMs?: number): Promise<RunRecord> {
  return page.evaluate(
    async ({ name, source, settings, stopAfterMs }) => {
      const host = (globalThis as unknown as { chanscope: HostApi }).chanscope;
      const batches: RunBatch[] = [];
      let runId = -1;
      const ended = await new Promise<RunEnded>((resolve, reject) => {
        const offBatch = host.onRunBatch((b) => batches.push(b));
        const offEnd = host.onRunEnded((e) => {
          if (e.runId !== runId) return;
          offBatch();
          offEnd();
          resolve(e);
        });
        // The program reaches the host as a file the page was given, as a dropped file does.
        host
          .openDroppedFile(new File([source], name))
          .then((r) => {
            if (r.kind !== "program") throw new Error(`not opened as a program: ${r.kind}`);
            return host.startRun(r.program.program, settings as never);
          })
          .then((s) => {
            runId = s.runId;
            if (stopAfterMs !== undefined) setTimeout(() => void host.stopRun(s.runId), stopAfterMs);
          }, reject);
      });
      return { events: batches.filter((b) => b.runId === runId).flatMap((b) => [...b.events]), ended };
    },
    { name, source, settings, stopAfterMs },
  );
}

/** A server on another port of loopback (another origin) that counts what reaches it. */
let other: { server: Server; port: number; requests: string[] } | undefined;
beforeAll(async () => {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" }).end("/* reached */");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  other = { server, port: address.port, requests };
});
afterAll(async () => {
  other?.server.closeAllConnections();
  await new Promise<void>((ok) => (other === undefined ? ok() : other.server.close(() => ok())));
});

/** Tries every way a worker has to reach the network, then panics with what each attempt did. */
function reachingProgram(port: number): string {
  const url = `http://127.0.0.1:${port}/`;
  return `import { sleep } from "chanscope";
export default async function main() {
  const tried: string[] = [];
  const attempt = (name: string, f: () => unknown) => {
    try {
      const r = f() as { catch?: (f: (e: unknown) => void) => void } | undefined;
      r?.catch?.((e) => tried.push(name + " failed: " + String(e)));
      tried.push(name + " started");
    } catch (e) {
      tried.push(name + ": " + String(e));
    }
  };
  attempt("fetch", () => fetch("${url}fetch"));
  attempt("xhr", () => { const x = new XMLHttpRequest(); x.open("GET", "${url}xhr"); x.send(); });
  attempt("websocket", () => new WebSocket("ws://127.0.0.1:${port}/websocket"));
  attempt("eventsource", () => new EventSource("${url}eventsource"));
  attempt("importScripts", () => importScripts("${url}importScripts.js"));
  attempt("nested worker", () => new Worker(URL.createObjectURL(new Blob(['fetch("${url}nested")']))));
  attempt("globalThis.fetch", () => (globalThis as any)["fe" + "tch"]("${url}global"));
  attempt("dynamic import", () => (0, eval)('import("${url}import.js")'));
  await sleep(1500);
  throw new Error(tried.join("; "));
}
`;
}

describe("the browser's run worker", () => {
  it("a program in it cannot reach another origin", async () => {
    const page = await hostPage();
    const run = await runInPage(page, "reach.ts", reachingProgram(other!.port), { seed: 1, strategy: "fifo", realTime: true });
    // Anything that slipped through had 1.5 s to arrive.
    expect(other!.requests).toEqual([]);
    expect(run.ended.outcome).toBe("panic");
    expect(run.ended.message).toMatch(/fetch/);
  });

  it("stopped while it spins, it keeps every event recorded before the spin", async () => {
    const page = await hostPage();
    const closed: Promise<void>[] = [];
    page.on("worker", (worker) => closed.push(new Promise((resolve) => worker.on("close", () => resolve()))));
    const run = await runInPage(page, "spin.ts", SPIN_AT_ONCE_PROGRAM, { seed: 1, strategy: "fifo" }, 1500);
    // Its worker, spinning, was ended.
    expect(closed).toHaveLength(1);
    await Promise.all(closed);
    expect(run.ended).toMatchObject({ outcome: "stopped", cutOff: true, eventCount: run.events.length });
    expect(run.events.map((e) => e.seq)).toEqual(run.events.map((_, i) => i));
    expect(run.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["send", "recv", "timer"]));
    expect(run.events.at(-1)).toMatchObject({ kind: "run", g: 1, t: 100_000_000 });
  });
});
