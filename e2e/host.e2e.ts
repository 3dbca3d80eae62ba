// The web host end to end in Chromium, driven through (globalThis as unknown as { chanscope: HostApi }).chanscope (the
// HostApi the renderer uses) and the browser's own file chooser and downloads.
// The renderer's UI is not needed: these tests check the host.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { HostApi, OpenProgress, OpenResult, RunBatch, RunEnded, SampleSummary } from "../main/contract/hostApi";
import type { TraceEvent } from "../traces/events";
import { parseTrace, serializeTrace } from "../traces/format";
import { sampleTrace } from "../traces/testing/fixtureTraces";
import { syntheticTrace } from "../traces/testing/syntheticTrace";
import { RUNAWAY_PROGRAM } from "../main/testing/programs";
import { pageErrors, useApp } from "./fixture";

const app = useApp();

async function hostPage(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.waitForFunction(() => typeof (globalThis as unknown as { chanscope: HostApi }).chanscope === "object");
  return page;
}

interface RunRecord {
  readonly runId: number;
  readonly batches: number;
  readonly events: readonly TraceEvent[];
  readonly ended: RunEnded;
}

/** Starts a run in the page and collects its batches until it ends; `stopAfterMs` stops it that long after the first event. */
function runInPage(page: Page, program: unknown, settings: unknown, stopAfterMs?: number): Promise<RunRecord> {
  return page.evaluate(
    async ({ program, settings, stopAfterMs }) => {
      const host = (globalThis as unknown as { chanscope: HostApi }).chanscope;
      const batches: RunBatch[] = [];
      let runId = -1;
      const ended = await new Promise<RunEnded>((resolve, reject) => {
        const offBatch = host.onRunBatch((b) => {
          batches.push(b);
          if (stopAfterMs !== undefined && batches.length === 1) setTimeout(() => void host.stopRun(b.runId), stopAfterMs);
        });
        const offEnd = host.onRunEnded((e) => {
          if (e.runId !== runId) return;
          offBatch();
          offEnd();
          resolve(e);
        });
        // A program's text reaches the host only as a file the page was given (dropped here), never as startRun's argument.
        const given = program as { file?: string; source?: string };
        const ref =
          given.file === undefined
            ? Promise.resolve(program)
            : host.openDroppedFile(new File([given.source ?? ""], given.file)).then((r) => {
                if (r.kind !== "program") throw new Error(`not opened as a program: ${r.kind}`);
                return r.program.program;
              });
        ref
          .then((p) => host.startRun(p as never, settings as never))
          .then((s) => {
            runId = s.runId;
          }, reject);
      });
      const mine = batches.filter((b) => b.runId === runId);
      return { runId, batches: mine.length, events: mine.flatMap((b) => [...b.events]), ended };
    },
    { program, settings, stopAfterMs },
  );
}

/** The text of the trace the page's host opened last (its content's chunks, fetched as the window does). */
function openedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const host = (globalThis as unknown as { chanscope: HostApi }).chanscope;
    const s = await host.currentSession();
    if (s?.kind !== "trace" || s.trace.content.kind !== "chunks") throw new Error(`no trace held as chunks: ${s?.kind}`);
    const { id, chunkCount } = s.trace.content;
    const decoder = new TextDecoder();
    let text = "";
    for (let i = 0; i < chunkCount; i++) text += decoder.decode(await host.traceChunk(id, i), { stream: true });
    return text + decoder.decode();
  });
}

describe("the web host in Chromium", () => {
  it("lists every sample with its metadata and source", async () => {
    const page = await hostPage();
    const samples: readonly SampleSummary[] = await page.evaluate(() =>
      (globalThis as unknown as { chanscope: HostApi }).chanscope.listSamples(),
    );
    const pool = samples.find((s) => s.id === "worker-pool");
    expect(pool).toMatchObject({ title: "Worker pool", file: "samples/worker-pool.ts", ending: "ok" });
    expect(pool?.source).toBe(await readFile(new URL("../samples/worker-pool.ts", import.meta.url), "utf8"));
    expect(await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.info())).toEqual({
      kind: "web",
      version: expect.any(String) as string,
    });
    expect(pageErrors(page)).toEqual([]);
  });

  it("runs a sample in a Web Worker and streams its events until the end event", async () => {
    const page = await hostPage();
    const run = await runInPage(page, { kind: "sample", id: "worker-pool" }, { seed: 1, strategy: "fifo" });
    expect(run.ended).toMatchObject({ runId: run.runId, outcome: "ok", cutOff: false, eventCount: run.events.length });
    expect(run.events.map((e) => e.seq)).toEqual(run.events.map((_, i) => i));
    expect(run.events.at(-1)?.kind).toBe("end");
    expect(run.events.some((e) => e.loc?.startsWith("samples/worker-pool.ts:"))).toBe(true);
    const session = await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.currentSession());
    expect(session).toMatchObject({ kind: "run", runId: run.runId, ended: { outcome: "ok" } });
    expect(session?.kind === "run" && session.events.length).toBe(run.events.length);
    expect(pageErrors(page)).toEqual([]);
  });

  it("stops a runaway program (while (true) {}) by terminating its worker, keeping its events", async () => {
    const page = await hostPage();
    const run = await runInPage(page, { file: "spin.ts", source: RUNAWAY_PROGRAM }, { seed: 1, strategy: "fifo", realTime: true }, 200);
    expect(run.ended).toMatchObject({ outcome: "stopped", cutOff: true, eventCount: run.events.length });
    expect(run.events.some((e) => e.kind === "recv")).toBe(true);
    // The page is still alive and can run again.
    const again = await runInPage(page, { kind: "sample", id: "hello-goroutine" }, { seed: 1, strategy: "fifo" });
    expect(again.ended.outcome).toBe("ok");
  });

  it("a wall-clock limit stops a runaway program the same way", async () => {
    const page = await hostPage();
    const run = await runInPage(
      page,
      { file: "spin.ts", source: RUNAWAY_PROGRAM },
      { seed: 1, strategy: "fifo", realTime: true, wallTimeMs: 300 },
    );
    expect(run.ended.outcome).toBe("stopped");
    expect(run.ended.message).toMatch(/wall-clock limit of 300 ms/);
    expect(run.events.length).toBeGreaterThan(0);
  });

  it("a program that does not load ends as failed with file, line and message", async () => {
    const page = await hostPage();
    const run = await runInPage(
      page,
      { file: "bad.ts", source: "export default function main() {\n  let = 1;\n}\n" },
      { seed: 1, strategy: "fifo" },
    );
    expect(run.ended.outcome).toBe("failed");
    expect(run.ended.problem).toMatchObject({ file: "bad.ts", line: 2 });
  });

  it("opens a valid trace file through the file chooser, with progress", async () => {
    const page = await hostPage();
    const { header, events } = syntheticTrace(30_000);
    const text = serializeTrace(header, events);
    const chooser = page.waitForEvent("filechooser");
    const opening = page.evaluate(async () => {
      const progress: OpenProgress[] = [];
      (globalThis as unknown as { chanscope: HostApi }).chanscope.onOpenProgress((p) => progress.push(p));
      const result = await (globalThis as unknown as { chanscope: HostApi }).chanscope.openTrace();
      return { result, progress };
    });
    await (await chooser).setFiles({ name: "big.trace.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(text) });
    const { result, progress } = await opening;
    // As the desktop does: the file's own bytes in chunks, which the window builds its model from one at a time.
    expect(result).toMatchObject({
      kind: "opened",
      trace: {
        name: "big.trace.jsonl",
        ended: true,
        warnings: [],
        content: { kind: "chunks", byteLength: Buffer.byteLength(text), eventCount: events.length },
      },
    });
    expect(await openedText(page)).toBe(text);
    expect(progress.at(-1)?.bytesRead).toBe(Buffer.byteLength(text));
    expect(progress.every((p) => p.contentId === progress[0]?.contentId && p.contentId !== undefined)).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.recentFiles())).toEqual([
      { path: "big.trace.jsonl", name: "big.trace.jsonl", kind: "trace" },
    ]);
    expect(
      (await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.openRecent("big.trace.jsonl"))).kind,
    ).toBe("opened");
  });

  it("a malformed trace file yields the reader's error with file, line and message", async () => {
    const page = await hostPage();
    const { header, events } = sampleTrace();
    const lines = serializeTrace(header, events).split("\n");
    lines[3] = '{"seq":2,"t":0,"g":1,"kind":"send","ch":"x"}';
    const chooser = page.waitForEvent("filechooser");
    const opening = page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.openTrace());
    await (await chooser).setFiles({ name: "bad.trace.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(lines.join("\n")) });
    const result: OpenResult = await opening;
    expect(result).toMatchObject({ kind: "failed", problem: { file: "bad.trace.jsonl", line: 4 } });
    expect(result.kind === "failed" && result.problem.message).toMatch(/\S/);
  });

  it("opens a dropped file", async () => {
    const page = await hostPage();
    const { header, events } = sampleTrace();
    const text = serializeTrace(header, events);
    const result: OpenResult = await page.evaluate(
      (t) => (globalThis as unknown as { chanscope: HostApi }).chanscope.openDroppedFile(new File([t], "dropped.trace.jsonl")),
      text,
    );
    expect(result.kind === "opened" && result.trace.content.kind === "chunks" && result.trace.content.eventCount).toBe(events.length);
    expect(await openedText(page)).toBe(text);
  });

  it("an open cancelled while it reads answers cancelled, and keeps the trace open before", async () => {
    const page = await hostPage();
    const before = serializeTrace(sampleTrace().header, sampleTrace().events);
    const { header, events } = syntheticTrace(60_000);
    const big = serializeTrace(header, events);
    const result = await page.evaluate(
      async ({ before, big }) => {
        const host = (globalThis as unknown as { chanscope: HostApi }).chanscope;
        await host.openDroppedFile(new File([before], "before.trace.jsonl"));
        let reports = 0;
        host.onOpenProgress(() => {
          if (reports++ === 0) void host.cancelOpen();
        });
        const answer = await host.openDroppedFile(new File([big], "big.trace.jsonl"));
        const session = await host.currentSession();
        return { answer, reports, name: session?.kind === "trace" ? session.trace.name : undefined };
      },
      { before, big },
    );
    expect(result.answer).toEqual({ kind: "cancelled" });
    expect(result.name).toBe("before.trace.jsonl");
    expect(await openedText(page)).toBe(before);
  });

  it("cancelling the file chooser opens nothing", async () => {
    const page = await hostPage();
    const chooser = page.waitForEvent("filechooser");
    const opening = page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.openTrace());
    await (await chooser).setFiles([]);
    expect(await opening).toEqual({ kind: "cancelled" });
  });

  it("saves the run as a download that reopens as the same trace", async () => {
    const page = await hostPage();
    const run = await runInPage(page, { kind: "sample", id: "worker-pool" }, { seed: 1, strategy: "fifo" });
    const downloading = page.waitForEvent("download");
    const saved = await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.saveTrace());
    const download = await downloading;
    expect(saved).toMatchObject({ kind: "saved", name: "worker-pool.trace.jsonl" });
    expect(download.suggestedFilename()).toBe("worker-pool.trace.jsonl");
    const bytes = await readFile(await download.path());
    const parsed = parseTrace(bytes);
    expect(parsed.events).toEqual(run.events);
    expect(parsed.header.program.id).toBe("worker-pool");

    const chooser = page.waitForEvent("filechooser");
    const opening = page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.openTrace());
    await (await chooser).setFiles({ name: "worker-pool.trace.jsonl", mimeType: "application/x-ndjson", buffer: bytes });
    const reopened: OpenResult = await opening;
    expect(reopened.kind).toBe("opened");
    expect(parseTrace(await openedText(page)).events).toEqual(run.events);

    // Saving an opened file gives back its own bytes.
    const again = page.waitForEvent("download");
    await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.saveTrace());
    expect((await readFile(await (await again).path())).equals(bytes)).toBe(true);
  });

  it("exports the current trace for Perfetto as a download", async () => {
    const page = await hostPage();
    await runInPage(page, { kind: "sample", id: "hello-goroutine" }, { seed: 1, strategy: "fifo" });
    const downloading = page.waitForEvent("download");
    const saved = await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.exportPerfetto());
    const download = await downloading;
    expect(saved).toMatchObject({ kind: "saved", name: "hello-goroutine.json" });
    const json = JSON.parse(await readFile(await download.path(), "utf8")) as { traceEvents: unknown[] };
    expect(json.traceEvents.length).toBeGreaterThan(0);
  });

  it("exports an opened trace for Perfetto, read again from its bytes", async () => {
    const page = await hostPage();
    const { header, events } = sampleTrace();
    await page.evaluate(
      (t) => (globalThis as unknown as { chanscope: HostApi }).chanscope.openDroppedFile(new File([t], "opened.trace.jsonl")),
      serializeTrace(header, events),
    );
    const downloading = page.waitForEvent("download");
    const saved = await page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.exportPerfetto());
    expect(saved).toMatchObject({ kind: "saved", name: "opened.json" });
    const json = JSON.parse(await readFile(await (await downloading).path(), "utf8")) as { traceEvents: unknown[] };
    expect(json.traceEvents.length).toBeGreaterThan(events.length / 2);
  });
});
