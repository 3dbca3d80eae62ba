import { describe, expect, it } from "vitest";
import { eventIndex } from "../../traces/events";
import { trace } from "../../traces/testing/traceBuilder";
import { outputCount, outputLine, outputRowAtOrBefore } from "./outputView";

// 0 spawn main · 1 run main · 2 main prints · 3 spawn worker · 4 worker prints to stderr · 5 exit · 6 end
const model = trace()
  .main()
  .output(1, "hello", { loc: "hello.ts:4" })
  .spawn(1, 2, "worker")
  .output(2, "oops", { stream: "stderr" })
  .exit(1)
  .end("ok")
  .model();

describe("a line of the program's output", () => {
  it("says who printed what, when, where and on which stream", () => {
    expect(outputLine(model, 0)).toEqual({ index: 2, t: 20, g: 1, stream: "stdout", text: "hello", line: 4, loc: "hello.ts:4" });
    expect(outputLine(model, 1)).toMatchObject({ index: 4, g: 2, stream: "stderr", text: "oops", line: undefined });
  });
});

describe("the line the playhead has reached", () => {
  it("is none before the first print", () => {
    expect(outputRowAtOrBefore(model, eventIndex(-1))).toBe(-1);
    expect(outputRowAtOrBefore(model, eventIndex(1))).toBe(-1);
  });

  it("is the print at the playhead, or the last one before it", () => {
    expect(outputRowAtOrBefore(model, eventIndex(2))).toBe(0);
    expect(outputRowAtOrBefore(model, eventIndex(3))).toBe(0);
    expect(outputRowAtOrBefore(model, eventIndex(6))).toBe(1);
  });
});

describe("the tab's count", () => {
  it("groups thousands", () => {
    expect(outputCount(model)).toBe("2");
    const many = trace().main();
    for (let i = 0; i < 1234; i++) many.output(1, String(i));
    expect(outputCount(many.model())).toBe("1,234");
  });
});
