import { describe, expect, it } from "vitest";
import { TraceFormatError, parseTrace, serializeTrace } from "../../traces/format";
import { sampleTrace } from "../../traces/format/fixtures";
import { failedResult, openedResult, progressReporter } from "./openedTrace";
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

  it("progress is reported at most every interval, and always at the end", () => {
    let now = 0;
    const seen: number[] = [];
    const report = progressReporter("f", (p) => seen.push(p.bytesRead), 100, () => now);
    report(10, 100);
    now = 50;
    report(20, 100);
    now = 120;
    report(30, 100);
    now = 130;
    report(100, 100);
    expect(seen).toEqual([10, 30, 100]);
  });

  it("suggested file names keep the program's or the file's name", () => {
    expect(suggestedTraceName("worker-pool")).toBe("worker-pool.trace.jsonl");
    expect(suggestedTraceName("/home/a/prog.ts")).toBe("prog.trace.jsonl");
    expect(suggestedTraceName("C:\\t\\run.trace.jsonl")).toBe("run.trace.jsonl");
    expect(suggestedPerfettoName("run.trace.jsonl")).toBe("run.json");
  });
});
