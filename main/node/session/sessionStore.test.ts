import { mkdtemp, open, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleTrace } from "../../../traces/testing/fixtureTraces";
import { syntheticTrace } from "../../../traces/testing/syntheticTrace";
import { parseTrace, serializeTrace } from "../../../traces/format";
import { readTraceFile } from "../files/traceFile";
import { SessionStore } from "./sessionStore";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-session-test-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function spillFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir)) {
    if (!d.startsWith("chanscope-session-")) continue;
    for (const f of await readdir(join(dir, d))) out.push(join(dir, d, f));
  }
  return out;
}

describe("the session store", () => {
  it("keeps a run's events in a spill file as they arrive, for a renderer that reloads", async () => {
    const { header, events } = sampleTrace();
    const store = new SessionStore(dir);
    store.runStarted(1, header);
    store.runBatch({ runId: 1, events: events.slice(0, 5) });
    store.runBatch({ runId: 1, events: events.slice(5) });
    const during = await store.snapshot();
    expect(during).toEqual({ kind: "run", runId: 1, header, events, ended: undefined });
    const [spill] = await spillFiles();
    expect(parseTrace(await readFile(spill!)).events).toEqual(events);
    store.runEnded({ runId: 1, outcome: "ok", message: "main returned", cutOff: false, eventCount: events.length });
    expect((await store.snapshot())?.kind === "run" && (await store.snapshot())).toMatchObject({ ended: { outcome: "ok" } });
    await store.dispose();
  });

  it("ignores batches of a run that is no longer the session", async () => {
    const { header, events } = sampleTrace();
    const store = new SessionStore(dir);
    store.runStarted(1, header);
    store.runStarted(2, header);
    store.runBatch({ runId: 1, events });
    expect(await store.snapshot()).toMatchObject({ runId: 2, events: [] });
    await store.dispose();
  });

  it("saves a run that was cut off mid-way with every event it received", async () => {
    const { header, events } = sampleTrace();
    const partial = events.slice(0, -3);
    const store = new SessionStore(dir);
    store.runStarted(7, header);
    store.runBatch({ runId: 7, events: partial });
    store.runEnded({ runId: 7, outcome: "stopped", message: "stopped", cutOff: true, eventCount: partial.length });
    const target = join(dir, "cut.trace.jsonl");
    const written = await store.saveTo(target);
    expect(written.eventCount).toBe(partial.length);
    const back = await readTraceFile(target);
    expect(back.events).toEqual(partial);
    expect(back.ended).toBe(false);
    await store.dispose();
  });

  it("a save that fails midway leaves the old file intact and no temporary file behind", async () => {
    const { header, events } = syntheticTrace(20_000);
    const target = join(dir, "old.trace.jsonl");
    const old = serializeTrace(sampleTrace().header, sampleTrace().events);
    await writeFile(target, old);
    const store = new SessionStore(dir);
    store.runStarted(1, header);
    store.runBatch({ runId: 1, events });
    await store.snapshot();
    // Damage a line deep in the spill: the save streams the events, so it fails after writing many.
    const [spill] = await spillFiles();
    const text = await readFile(spill!, "utf8");
    const at = text.indexOf("\n{", Math.floor(text.length * 0.8)) + 1;
    const fh = await open(spill!, "r+");
    await fh.write("#", at);
    await fh.close();
    await expect(store.saveTo(target)).rejects.toThrow(/line \d+: not valid JSON/);
    expect(await readFile(target, "utf8")).toBe(old);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await store.dispose();
  });

  it("opening a trace replaces the run and deletes its spill file", async () => {
    const { header, events } = sampleTrace();
    const store = new SessionStore(dir);
    store.runStarted(1, header);
    store.runBatch({ runId: 1, events });
    await store.snapshot();
    expect(await spillFiles()).toHaveLength(1);
    store.traceOpened({ name: "t.trace.jsonl", header, content: { kind: "events", events }, warnings: [], ended: true });
    expect(await store.snapshot()).toMatchObject({ kind: "trace", trace: { name: "t.trace.jsonl" } });
    await store.dispose();
    expect(await spillFiles()).toEqual([]);
  });

  it("an opened trace held as chunks serves them by content id, saves as the same events, and stops serving once replaced", async () => {
    const { header, events } = sampleTrace();
    const bytes = new TextEncoder().encode(serializeTrace(header, events));
    const chunks = [bytes.slice(0, 100), bytes.slice(100, 333), bytes.slice(333)];
    const store = new SessionStore(dir);
    const content = { kind: "chunks", id: 7, chunkCount: 3, byteLength: bytes.length, eventCount: events.length } as const;
    store.traceOpened({ name: "t.trace.jsonl", header, content, warnings: [], ended: true }, chunks);
    expect(store.chunk(7, 1)).toBe(chunks[1]);
    expect(() => store.chunk(7, 3)).toThrow(/has 3 chunks, not a chunk 3/);
    expect(() => store.chunk(8, 0)).toThrow(/no longer open/);
    const target = join(dir, "again.trace.jsonl");
    await store.saveTo(target);
    expect(parseTrace(await readFile(target)).events).toEqual(events);
    store.runStarted(2, header);
    expect(() => store.chunk(7, 0)).toThrow(/no longer open/);
    await store.dispose();
  });

  it("refuses chunks that do not match the content they are said to be", () => {
    const { header } = sampleTrace();
    const store = new SessionStore(dir);
    const content = { kind: "chunks", id: 1, chunkCount: 2, byteLength: 3, eventCount: 0 } as const;
    expect(() => store.traceOpened({ name: "t", header, content, warnings: [], ended: true }, [new Uint8Array(3)])).toThrow(
      /names 2 chunks, 1 given/,
    );
  });

  it("with nothing open there is nothing to save", async () => {
    const store = new SessionStore(dir);
    expect(await store.snapshot()).toBeUndefined();
    await expect(store.saveTo(join(dir, "x.trace.jsonl"))).rejects.toThrow(/nothing to save/);
  });
});
