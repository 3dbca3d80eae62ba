// Whatever the writer writes, the reader reads back: a long program source, a long
// channel name or a long panic message never makes a saved run unloadable.
import { describe, expect, it } from "vitest";
import type { TraceEvent, TraceHeader } from "../events";
import { fixtureHeader } from "../testing/traceBuilder";
import { MAX_TEXT_CHARS } from "./encode";
import { parseTrace } from "./reader";
import { TraceWriter } from "./writer";

function written(header: TraceHeader, events: readonly Record<string, unknown>[]): string {
  let text = "";
  const w = new TraceWriter(header, (chunk) => (text += chunk));
  events.forEach((e, seq) => w.event({ seq, t: 0, ...e } as unknown as TraceEvent));
  w.flush();
  return text;
}

const start = [
  { g: 0, kind: "spawn", child: 1, name: "main" },
  { g: 1, kind: "run" },
];

describe("long strings", () => {
  it("a 1.2 MB program source, a 1.5 MB channel name and a 2 MB panic message round-trip", () => {
    const source = "// a big program\n".repeat(72_000); // 1.2 MB
    const name = "n".repeat(1_500_000);
    const message = "m".repeat(2_000_000);
    const text = written(fixtureHeader({ program: { name: "big", source } }), [
      ...start,
      { g: 1, kind: "make", ch: 1, cap: 0, name },
      { g: 1, kind: "panic", message, fatal: true, stack: message },
      { g: 1, kind: "end", status: "panic", message },
    ]);
    const { header, events } = parseTrace(text);
    expect(header.program.source).toBe(source);
    const make = events[2];
    expect(make?.kind === "make" && make.name).toBe(`${"n".repeat(MAX_TEXT_CHARS)}… [cut: 1,434,464 more characters]`);
    const panic = events[3];
    expect(panic?.kind === "panic" && panic.message).toBe(`${"m".repeat(MAX_TEXT_CHARS)}… [cut: 1,934,464 more characters]`);
    expect(events[4]?.kind).toBe("end");
  });

  it("strings that escape to six bytes a character still fit a line", () => {
    const control = "\u0001".repeat(3_000_000);
    const text = written(fixtureHeader({ program: { name: control, id: control, source: control } }), [
      ...start,
      { g: 1, kind: "make", ch: 1, cap: 0, name: control },
      { g: 1, kind: "ctx.make", ctx: 1, type: "background", done: 2 },
      { g: 1, kind: "ctx.cancel", ctx: 1, err: control, cause: control, source: 1, loc: control },
      { g: 1, kind: "panic", message: control, stack: control, loc: control },
    ]);
    const { header, events } = parseTrace(text);
    expect(header.program.source?.startsWith("\u0001\u0001")).toBe(true);
    expect(events).toHaveLength(6);
  });
});
