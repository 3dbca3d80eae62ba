import { describe, expect, it } from "vitest";
import { TraceFormatError, parseTrace, serializeTrace } from "../../traces/format";
import { sampleTrace } from "../../traces/testing/fixtureTraces";
import type { OpenProgress } from "../contract/hostApi";
import { CancellableOpens, OpenCancelled, failedResult, openedResult, progressReporter } from "./openedTrace";
import { suggestedPerfettoName, suggestedTraceName } from "./fileNames";

describe("opened traces", () => {
  it("carry the reader's warnings as 'line N: …'", () => {
    const { header, events } = sampleTrace();
    const text = serializeTrace(header, events.slice(0, -1));
    const parsed = parseTrace(text);
    const result = openedResult(parsed, { kind: "events", events: parsed.events }, "cut.trace.jsonl", "/t/cut.trace.jsonl");
    expect(result.kind === "opened" && result.trace).toMatchObject({ name: "cut.trace.jsonl", path: "/t/cut.trace.jsonl", ended: false });
    expect(result.kind === "opened" && result.trace.warnings[0]).toMatch(/^line \d+: the trace has no "end" event/);
  });

  it("a format error becomes the file, the line and the message without its line prefix", () => {
    expect(failedResult(new TraceFormatError(12, "expected an integer", "ch"), "x.jsonl")).toEqual({
      kind: "failed",
      problem: { file: "x.jsonl", line: 12, message: 'field "ch": expected an integer' },
    });
  });

  it("a cancelled open answers cancelled, not failed", () => {
    expect(failedResult(new OpenCancelled(), "x.jsonl")).toEqual({ kind: "cancelled" });
  });

  it("a cancel reaches the open under way, and only until it has answered", () => {
    const opens = new CancellableOpens();
    const first = opens.begin();
    const second = opens.begin();
    opens.cancel();
    // The newer open is the one the window shows progress of: the cancel is its.
    expect(first.signal.aborted).toBe(false);
    expect(second.signal.aborted).toBe(true);
    expect(second.signal.reason).toBeInstanceOf(OpenCancelled);
    const third = opens.begin();
    third.end();
    opens.cancel();
    expect(third.signal.aborted).toBe(false);
  });

  it("progress is reported at most every interval, and always at the end", () => {
    let now = 0;
    const seen: number[] = [];
    const report = progressReporter("f", (p) => seen.push(p.bytesRead), { intervalMs: 100, now: () => now });
    report(10, 100);
    now = 50;
    report(20, 100);
    now = 120;
    report(30, 100);
    now = 130;
    report(100, 100);
    expect(seen).toEqual([10, 30, 100]);
  });

  it("with a content id, a newly filled chunk is reported at once and every report says how many are ready", () => {
    let now = 0;
    const seen: OpenProgress[] = [];
    const report = progressReporter("f", (p) => seen.push(p), { intervalMs: 100, now: () => now, contentId: 7 });
    report(10, 100, 0);
    now = 10;
    report(20, 100, 0); // too soon, nothing new
    now = 20;
    report(30, 100, 1); // a chunk filled: at once
    now = 30;
    report(40, 100, 1);
    now = 40;
    report(100, 100, 1);
    expect(seen).toEqual([
      { name: "f", bytesRead: 10, totalBytes: 100, contentId: 7, chunksReady: 0 },
      { name: "f", bytesRead: 30, totalBytes: 100, contentId: 7, chunksReady: 1 },
      { name: "f", bytesRead: 100, totalBytes: 100, contentId: 7, chunksReady: 1 },
    ]);
  });

  it("suggested file names keep the program's or the file's name", () => {
    expect(suggestedTraceName("worker-pool")).toBe("worker-pool.trace.jsonl");
    expect(suggestedTraceName("/home/a/prog.ts")).toBe("prog.trace.jsonl");
    expect(suggestedTraceName("C:\\t\\run.trace.jsonl")).toBe("run.trace.jsonl");
    expect(suggestedPerfettoName("run.trace.jsonl")).toBe("run.json");
  });
});
