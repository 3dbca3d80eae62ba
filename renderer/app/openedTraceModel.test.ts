import { describe, expect, it } from "vitest";
import type { OpenedTrace, TraceContent } from "../../main/contract/hostApi";
import { serializeTrace } from "../../traces/format";
import { syntheticTrace } from "../../traces/format/fixtures";
import { buildModel } from "../../traces/model/index";
import { modelOfOpenedTrace, openStatusText, openedTraceProblem, statusOfHostProgress } from "./openedTraceModel";

const { header, events } = syntheticTrace(3_000);
const bytes = new TextEncoder().encode(serializeTrace(header, events));

/** The trace's bytes cut into chunks of `size`, as the desktop hands them over. */
function chunked(data: Uint8Array, size: number, eventCount = events.length): { trace: OpenedTrace; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += size) chunks.push(data.slice(at, at + size));
  const content: TraceContent = { kind: "chunks", id: 3, chunkCount: chunks.length, byteLength: data.length, eventCount };
  return { trace: { name: "big.trace.jsonl", header, content, warnings: [], ended: true }, chunks };
}

const fetchFrom =
  (chunks: readonly Uint8Array[]) =>
  async (id: number, i: number): Promise<Uint8Array> => {
    if (id !== 3) throw new Error(`asked for content ${id}`);
    return chunks[i]!;
  };

describe("the model of an opened trace", () => {
  it("is built from chunks fetched one at a time, the same as from the events themselves", async () => {
    const { trace, chunks } = chunked(bytes, 20_000);
    expect(chunks.length).toBeGreaterThan(3);
    const seen: number[] = [];
    const model = await modelOfOpenedTrace(trace, fetchFrom(chunks), (read, total) => {
      expect(total).toBe(bytes.length);
      seen.push(read);
    });
    const direct = buildModel(events, header);
    expect(model.length).toBe(direct.length);
    // The states as data (the state objects carry lazily computed parts).
    const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    for (const i of [0, 1_234, model.length - 1]) expect(plain(model.stateAt(i))).toEqual(plain(direct.stateAt(i)));
    // Progress after every chunk, growing to the whole size.
    expect(seen).toHaveLength(chunks.length);
    expect(seen.every((x, i) => i === 0 || x > seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it("takes a chunk boundary anywhere, even inside a line or a UTF-8 character", async () => {
    const { header: h, events: evs } = syntheticTrace(50);
    const named = { ...h, program: { ...h.program, name: "naïve — ünïcödé" } };
    const data = new TextEncoder().encode(serializeTrace(named, evs));
    const { trace, chunks } = chunked(data, 7, evs.length);
    const model = await modelOfOpenedTrace({ ...trace, header: named }, fetchFrom(chunks));
    expect(model.length).toBe(evs.length);
  });

  it("is built from events at once when the host handed over events", async () => {
    const trace: OpenedTrace = { name: "t", header, content: { kind: "events", events }, warnings: [], ended: true };
    const model = await modelOfOpenedTrace(trace, () => Promise.reject(new Error("no chunks to fetch")));
    expect(model.length).toBe(events.length);
  });

  it("fails with the reader's line when a chunk's bytes are not a trace", async () => {
    const lines = serializeTrace(header, events.slice(0, 20)).split("\n");
    lines[5] = "{ not json";
    const { trace, chunks } = chunked(new TextEncoder().encode(lines.join("\n")), 300, 20);
    const err = await modelOfOpenedTrace(trace, fetchFrom(chunks)).catch((e: unknown) => e);
    expect(openedTraceProblem(trace, err)).toMatchObject({ file: "big.trace.jsonl", line: 6, message: expect.stringMatching(/not valid JSON/) });
  });

  it("fails when the host sends other than it announced (a chunk missing, a different count)", async () => {
    const { trace, chunks } = chunked(bytes, 50_000);
    const short = await modelOfOpenedTrace(trace, fetchFrom(chunks.map((c, i) => (i === 1 ? c.slice(0, 10) : c)))).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(Error);
    const miscounted = chunked(bytes, 50_000, events.length + 1);
    const err = await modelOfOpenedTrace(miscounted.trace, fetchFrom(miscounted.chunks)).catch((e: unknown) => e);
    expect(openedTraceProblem(miscounted.trace, err).message).toMatch(/holding \d+ events, but read \d+ bytes holding \d+/);
  });

  it("passes on why a chunk could not be fetched (the trace was closed meanwhile)", async () => {
    const { trace } = chunked(bytes, 50_000);
    const err = await modelOfOpenedTrace(trace, () => Promise.reject(new Error("that trace is no longer open"))).catch((e: unknown) => e);
    expect(openedTraceProblem(trace, err)).toEqual({ file: "big.trace.jsonl", message: "the events do not make a trace: that trace is no longer open" });
  });
});

describe("the status line while a trace opens", () => {
  it("says the host is reading, with how far, then that the timeline is being built", () => {
    expect(openStatusText(statusOfHostProgress({ name: "a.jsonl", bytesRead: 450, totalBytes: 1000 }))).toBe("Opening a.jsonl… 45%");
    expect(openStatusText(statusOfHostProgress({ name: "a.jsonl", bytesRead: 1000, totalBytes: 1000 }))).toBe("Building the timeline of a.jsonl…");
    expect(openStatusText(statusOfHostProgress({ name: "pipe", bytesRead: 4096, totalBytes: undefined }))).toBe("Opening pipe…");
  });

  it("counts the window's own reading of chunks as building, up to 100%", () => {
    expect(openStatusText({ name: "a.jsonl", phase: "building", bytesRead: 8, totalBytes: 10 })).toBe("Building the timeline of a.jsonl… 80%");
    expect(openStatusText({ name: "a.jsonl", phase: "building", bytesRead: 12, totalBytes: 10 })).toBe("Building the timeline of a.jsonl… 100%");
    expect(openStatusText({ name: "empty", phase: "building", bytesRead: 0, totalBytes: 0 })).toBe("Building the timeline of empty…");
  });
});
