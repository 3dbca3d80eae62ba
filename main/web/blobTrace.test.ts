import { describe, expect, it } from "vitest";
import { TraceFormatError, parseTrace, serializeTrace } from "../../traces/format";
import { sampleTrace } from "../../traces/testing/fixtureTraces";
import { jsonArrayTrace, GO_1_22_TRACE } from "../../traces/testing/foreignFiles";
import { syntheticTrace } from "../../traces/testing/syntheticTrace";
import { ByteBlocks } from "../core/byteBlocks";
import { OpenCancelled } from "../core/openedTrace";
import { readTraceBlobChunks } from "./blobTrace";

const byteLength = (text: string): number => new TextEncoder().encode(text).length;
const concat = (chunks: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

describe("a trace file the browser was given", () => {
  it("is checked by the reader and kept as its own bytes, in blocks", async () => {
    const { header, events } = syntheticTrace(3000);
    const text = serializeTrace(header, events);
    const progress: number[] = [];
    const read = await readTraceBlobChunks(new Blob([text]), {
      blocks: new ByteBlocks(16 * 1024),
      onProgress: (bytesRead, total) => {
        expect(total).toBe(byteLength(text));
        progress.push(bytesRead);
      },
    });
    expect(read).toMatchObject({ eventCount: events.length, byteLength: byteLength(text), ended: true, warnings: [] });
    expect(read.header).toEqual(header);
    expect(read.chunks.length).toBe(Math.ceil(byteLength(text) / (16 * 1024)));
    expect(new TextDecoder().decode(concat(read.chunks))).toBe(text);
    expect(parseTrace(concat(read.chunks)).events).toEqual(events);
    expect(progress.at(-1)).toBe(byteLength(text));
  });

  it("fails on a malformed line with the reader's line number", async () => {
    const { header, events } = sampleTrace();
    const lines = serializeTrace(header, events).split("\n");
    lines[3] = '{"seq":2,"t":0,"g":1,"kind":"send","ch":"x"}';
    const failure = readTraceBlobChunks(new Blob([lines.join("\n")]), { blocks: new ByteBlocks() });
    await expect(failure).rejects.toBeInstanceOf(TraceFormatError);
    await expect(failure).rejects.toMatchObject({ line: 4 });
  });

  it("fails on a file that is no trace saying what it looks like: a Go execution trace, a JSON array", async () => {
    const goTrace = readTraceBlobChunks(new Blob([GO_1_22_TRACE]), { blocks: new ByteBlocks() });
    await expect(goTrace).rejects.toMatchObject({
      line: 1,
      message: expect.stringMatching(/^line 1: this looks like a Go execution trace \(Go 1\.22 format/) as string,
    });
    const { header, events } = sampleTrace();
    const array = readTraceBlobChunks(new Blob([jsonArrayTrace(header, events)]), { blocks: new ByteBlocks() });
    await expect(array).rejects.toMatchObject({
      line: 1,
      message: expect.stringMatching(/^line 1: this looks like a JSON array spread over several lines/) as string,
    });
  });

  it("stops reading when its open is cancelled, rejecting with the cancel", async () => {
    const { header, events } = syntheticTrace(20_000);
    const text = serializeTrace(header, events);
    const controller = new AbortController();
    let reports = 0;
    const failure = readTraceBlobChunks(new Blob([text]), {
      blocks: new ByteBlocks(),
      signal: controller.signal,
      onProgress: () => {
        reports++;
        controller.abort(new OpenCancelled());
      },
    });
    await expect(failure).rejects.toBeInstanceOf(OpenCancelled);
    // Cancelled after the first piece the stream gave: the rest was never read.
    expect(reports).toBe(1);
  });
});
