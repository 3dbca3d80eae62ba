import { describe, expect, it } from "vitest";
import { eventIndex } from "../../traces/events";
import type { OpenedTrace, TraceContent } from "../../main/contract/hostApi";
import { serializeTrace } from "../../traces/format";
import { syntheticTrace } from "../../traces/testing/syntheticTrace";
import { buildModel } from "../../traces/model/index";
import { EarlyChunkBuilds, modelOfOpenedTrace, openedTraceProblem } from "./openedTraceModel";

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
  (id: number, i: number): Promise<Uint8Array> =>
    id === 3 ? Promise.resolve(chunks[i]!) : Promise.reject(new Error(`asked for content ${id}`));

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
    for (const i of [0, 1_234, model.length - 1]) expect(plain(model.stateAt(eventIndex(i)))).toEqual(plain(direct.stateAt(eventIndex(i))));
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
    expect(openedTraceProblem(trace, err)).toMatchObject({
      file: "big.trace.jsonl",
      line: 6,
      message: expect.stringMatching(/not valid JSON/) as string,
    });
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
    expect(openedTraceProblem(trace, err)).toEqual({
      file: "big.trace.jsonl",
      message: "the events do not make a trace: that trace is no longer open",
    });
  });
});

/** Lets pending promise chains run (the early build fetches and reads between announcements). */
const settle = async (): Promise<void> => {
  for (let k = 0; k < 20; k++) await new Promise((r) => setTimeout(r, 0));
};

describe("a trace's model built while the desktop still reads the file", () => {
  const progress = (contentId: number, chunksReady: number) => ({
    name: "big.trace.jsonl",
    bytesRead: 0,
    totalBytes: bytes.length,
    contentId,
    chunksReady,
  });

  it("fetches each chunk as soon as it is announced, and the reply only finishes the build", async () => {
    const { trace, chunks } = chunked(bytes, 20_000);
    const fetched: number[] = [];
    const fetch = async (id: number, i: number): Promise<Uint8Array> => {
      fetched.push(i);
      return fetchFrom(chunks)(id, i);
    };
    const builds = new EarlyChunkBuilds(fetch);
    builds.progress(progress(3, 0));
    await settle();
    expect(fetched).toEqual([]);
    builds.progress(progress(3, 2));
    await settle();
    // Read before any reply: the model is being built alongside the host's reading.
    expect(fetched).toEqual([0, 1]);
    const seen: number[] = [];
    const model = await modelOfOpenedTrace(trace, fetch, (read) => seen.push(read), builds.claim(3));
    // Each chunk fetched once, in order; progress starts where the early build had got to.
    expect(fetched).toEqual([...chunks.keys()]);
    expect(seen[0]).toBe(chunks[0]!.length + chunks[1]!.length);
    expect(seen.at(-1)).toBe(bytes.length);
    const direct = buildModel(events, header);
    const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    expect(model.length).toBe(direct.length);
    for (const i of [0, 2_000, model.length - 1]) expect(plain(model.stateAt(eventIndex(i)))).toEqual(plain(direct.stateAt(eventIndex(i))));
  });

  it("follows only the newest open: an older one's build ends, and a late announcement starts nothing", async () => {
    const { chunks } = chunked(bytes, 20_000);
    const fetched: string[] = [];
    const builds = new EarlyChunkBuilds((id, i) => {
      fetched.push(`${id}:${i}`);
      return Promise.resolve(chunks[i]!);
    });
    builds.progress(progress(3, 1));
    await settle();
    builds.progress(progress(4, 1));
    builds.progress(progress(3, 3)); // late news of the older open
    await settle();
    expect(fetched).toEqual(["3:0", "4:0"]);
    expect(builds.claim(3)).toBeUndefined(); // the newer open's build goes on
    expect(builds.claim(4)?.contentId).toBe(4);
    builds.progress(progress(4, 5)); // after its reply
    await settle();
    expect(fetched).toEqual(["3:0", "4:0"]);
  });

  it("stops fetching once its open failed or a run started", async () => {
    const { chunks } = chunked(bytes, 20_000);
    const fetched: number[] = [];
    const builds = new EarlyChunkBuilds((_id, i) => {
      fetched.push(i);
      return Promise.resolve(chunks[i]!);
    });
    builds.progress(progress(3, 1));
    await settle();
    builds.drop();
    builds.progress(progress(3, 4));
    await settle();
    expect(fetched).toEqual([0]);
    expect(builds.claim(3)).toBeUndefined();
  });

  it("does the whole build again the plain way when the early one went wrong", async () => {
    const { trace, chunks } = chunked(bytes, 20_000);
    let refusals = 1;
    const fetch = async (id: number, i: number): Promise<Uint8Array> => {
      if (i === 1 && refusals-- > 0) throw new Error("not yet");
      return fetchFrom(chunks)(id, i);
    };
    const builds = new EarlyChunkBuilds(fetch);
    builds.progress(progress(3, 2));
    await settle();
    const model = await modelOfOpenedTrace(trace, fetch, () => {}, builds.claim(3));
    expect(model.length).toBe(events.length);
  });
});
