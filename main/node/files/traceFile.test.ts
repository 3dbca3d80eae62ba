import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../traces/events";
import { TraceFormatError, serializeTrace } from "../../../traces/format";
import { everyKindTrace, sampleTrace } from "../../../traces/testing/fixtureTraces";
import { syntheticTrace } from "../../../traces/testing/syntheticTrace";
import {
  TraceFileError,
  readTraceFile,
  readTraceFileChunks,
  streamTraceFile,
  writeTextFileAtomic,
  writeTraceFileAtomic,
  type ReadProgress,
} from "./traceFile";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the promise to reject");
}

describe("writeTraceFileAtomic", () => {
  it("saves a trace that reads back equal", async () => {
    const { header, events } = everyKindTrace();
    const path = join(dir, "run.trace.jsonl");
    const result = await writeTraceFileAtomic(path, header, events);
    const back = await readTraceFile(path);
    expect(back.header).toStrictEqual(header);
    expect(back.events).toStrictEqual(events);
    expect(result).toEqual({ bytes: (await stat(path)).size, eventCount: events.length });
  });

  it("writes the same bytes as serializeTrace", async () => {
    const { header, events } = syntheticTrace(5_000);
    const path = join(dir, "pool.trace.jsonl");
    await writeTraceFileAtomic(path, header, events);
    expect(await readFile(path, "utf8")).toBe(serializeTrace(header, events));
  });

  it("replaces an existing file", async () => {
    const path = join(dir, "run.trace.jsonl");
    await writeTraceFileAtomic(path, everyKindTrace().header, everyKindTrace().events);
    await writeTraceFileAtomic(path, sampleTrace().header, sampleTrace().events);
    expect((await readTraceFile(path)).header.program.name).toBe("fan-in");
  });

  it("leaves the old file intact and no temporary file when saving fails midway", async () => {
    const path = join(dir, "run.trace.jsonl");
    const { header, events } = syntheticTrace(20_000);
    await writeTraceFileAtomic(path, sampleTrace().header, sampleTrace().events);
    const before = await readFile(path);
    function* crashingHalfway(): Generator<TraceEvent> {
      for (let i = 0; i < events.length; i++) {
        if (i === Math.floor(events.length / 2)) throw new Error("recorder crashed");
        yield events[i]!;
      }
    }
    const err = await rejection(writeTraceFileAtomic(path, header, crashingHalfway()));
    expect((err as Error).message).toBe("recorder crashed");
    expect(await readFile(path)).toEqual(before);
    expect(await readdir(dir)).toEqual(["run.trace.jsonl"]);
  });

  it("saves events from an async iterable", async () => {
    const { header, events } = sampleTrace();
    async function* live(): AsyncGenerator<TraceEvent> {
      for (const e of events) {
        await Promise.resolve(); // each event comes in a later tick, as from a run still going
        yield e;
      }
    }
    const path = join(dir, "live.trace.jsonl");
    await writeTraceFileAtomic(path, header, live());
    expect((await readTraceFile(path)).events).toHaveLength(events.length);
  });

  it("names the path when the directory does not exist", async () => {
    const path = join(dir, "missing", "run.trace.jsonl");
    const err = await rejection(writeTraceFileAtomic(path, sampleTrace().header, sampleTrace().events));
    expect(err).toBeInstanceOf(TraceFileError);
    expect((err as TraceFileError).path).toBe(path);
    expect((err as Error).message).toContain(path);
  });
});

describe("readTraceFile", () => {
  it("reports progress in bytes up to the file's size", async () => {
    const path = join(dir, "pool.trace.jsonl");
    await writeTraceFileAtomic(path, syntheticTrace(10_000).header, syntheticTrace(10_000).events);
    const size = (await stat(path)).size;
    const progress: ReadProgress[] = [];
    await readTraceFile(path, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p, i) => i === 0 || p.bytesRead > progress[i - 1]!.bytesRead)).toBe(true);
    expect(progress.at(-1)).toEqual({ bytesRead: size, totalBytes: size });
  });

  it("names the path of a missing file", async () => {
    const path = join(dir, "nope.trace.jsonl");
    const err = await rejection(readTraceFile(path));
    expect(err).toBeInstanceOf(TraceFileError);
    expect((err as Error).message).toBe(`cannot open the trace file (no such file or directory): ${path}`);
  });

  it("says so when the path is a directory", async () => {
    const path = join(dir, "folder");
    await mkdir(path);
    const err = await rejection(readTraceFile(path));
    expect((err as Error).message).toBe(`cannot open the trace file (it is a directory, not a trace file): ${path}`);
  });

  it("passes the reader's TraceFormatError through, naming the line", async () => {
    const path = join(dir, "bad.trace.jsonl");
    await writeFile(path, serializeTrace(sampleTrace().header, sampleTrace().events).replace('"kind":"close"', '"kind":"shut"'));
    const err = await rejection(readTraceFile(path));
    expect(err).toBeInstanceOf(TraceFormatError);
    expect((err as TraceFormatError).field).toBe("kind");
  });

  it("loads a file cut off mid-line, with a warning", async () => {
    const path = join(dir, "crashed.trace.jsonl");
    const text = serializeTrace(sampleTrace().header, sampleTrace().events);
    await writeFile(path, text.slice(0, text.length - 10));
    const parsed = await readTraceFile(path);
    expect(parsed.events).toHaveLength(sampleTrace().events.length - 1);
    expect(parsed.warnings[0]?.message).toMatch(/ends in the middle of this line/);
  });
});

describe("streamTraceFile", () => {
  it("hands events to the sink one at a time", async () => {
    const path = join(dir, "pool.trace.jsonl");
    const { header, events } = syntheticTrace(3_000);
    await writeTraceFileAtomic(path, header, events);
    let count = 0;
    const summary = await streamTraceFile(path, { header: () => {}, event: () => count++ });
    expect(count).toBe(events.length);
    expect(summary.eventCount).toBe(events.length);
  });

  it("stops between chunks when its signal aborts, rejecting with the signal's reason", async () => {
    const path = join(dir, "big.trace.jsonl");
    const { header, events } = syntheticTrace(20_000);
    await writeTraceFileAtomic(path, header, events);
    const controller = new AbortController();
    const reason = new Error("cancelled by the test");
    let count = 0;
    const reading = streamTraceFile(
      path,
      { header: () => {}, event: () => count++ },
      { signal: controller.signal, onProgress: () => controller.abort(reason) },
    );
    await expect(reading).rejects.toBe(reason);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(events.length);
  });
});

describe("readTraceFileChunks", () => {
  it("keeps the file's bytes exactly, and what the reader found in them", async () => {
    const path = join(dir, "pool.trace.jsonl");
    const { header, events } = syntheticTrace(5_000);
    await writeTraceFileAtomic(path, header, events);
    const read = await readTraceFileChunks(path);
    const file = await readFile(path);
    expect(Buffer.concat(read.chunks).equals(file)).toBe(true);
    expect(read).toMatchObject({ header, eventCount: events.length, byteLength: file.length, ended: true, warnings: [] });
  });

  it("fails on a malformed file as the reader does, naming the line", async () => {
    const path = join(dir, "bad.trace.jsonl");
    const lines = serializeTrace(sampleTrace().header, sampleTrace().events).split("\n");
    lines[4] = "{ not json";
    await writeFile(path, lines.join("\n"));
    const err = await rejection(readTraceFileChunks(path));
    expect(err).toBeInstanceOf(TraceFormatError);
    expect((err as TraceFormatError).line).toBe(5);
  });

  it("keeps a file cut off mid-line whole, with the reader's warning (the window's reader cuts it the same way)", async () => {
    const path = join(dir, "crashed.trace.jsonl");
    const text = serializeTrace(sampleTrace().header, sampleTrace().events);
    await writeFile(path, text.slice(0, text.length - 10));
    const read = await readTraceFileChunks(path);
    expect(read.byteLength).toBe(Buffer.byteLength(text) - 10);
    expect(read.eventCount).toBe(sampleTrace().events.length - 1);
    expect(read.warnings[0]?.message).toMatch(/ends in the middle of this line/);
  });
});

describe("writeTextFileAtomic", () => {
  it("writes every chunk and replaces the old file", async () => {
    const path = join(dir, "out.json");
    await writeFile(path, "old");
    expect(await writeTextFileAtomic(path, ["{", '"a":1', "}"], "the export")).toEqual({ bytes: 7 });
    expect(await readFile(path, "utf8")).toBe('{"a":1}');
  });

  it("leaves the old file intact and no temporary file when writing fails midway", async () => {
    const path = join(dir, "out.json");
    await writeFile(path, "old");
    function* failing(): Generator<string> {
      yield "new start";
      throw new Error("exporter failed");
    }
    expect(await rejection(writeTextFileAtomic(path, failing(), "the export"))).toMatchObject({ message: "exporter failed" });
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["out.json"]);
  });

  it("refuses a directory in one line", async () => {
    const err = await rejection(writeTextFileAtomic(dir, ["x"], "the export"));
    expect(err).toBeInstanceOf(TraceFileError);
    expect((err as Error).message).toBe(`cannot write the export (it is a directory): ${dir}`);
  });

  it("names a missing directory in one line", async () => {
    const path = join(dir, "nowhere", "out.json");
    const err = await rejection(writeTextFileAtomic(path, ["x"], "the export"));
    expect((err as Error).message).toBe(`cannot write the export (no such file or directory): ${path}`);
  });
});
