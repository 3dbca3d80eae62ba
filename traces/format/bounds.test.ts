// What the format allows the model holds exactly; anything larger is refused with
// the line and the field, never wrapped into another value.
import { describe, expect, it } from "vitest";
import { MAX_INT32, MIN_INT32, type TraceEvent } from "../events";
import { buildModel } from "../model";
import { TraceFormatError } from "./errors";
import { parseTrace } from "./reader";
import { serializeHeader } from "./encode";
import { fixtureHeader } from "../testing/traceBuilder";

type Line = Record<string, unknown>;

const text = (lines: readonly Line[]): string =>
  [serializeHeader(fixtureHeader()), ...lines.map((l, seq) => JSON.stringify({ seq, t: 0, ...l }))].join("\n") + "\n";

const start: readonly Line[] = [
  { g: 0, kind: "spawn", child: 1, name: "main" },
  { g: 1, kind: "run" },
];

function refusal(lines: readonly Line[]): TraceFormatError {
  try {
    parseTrace(text(lines));
  } catch (err) {
    if (err instanceof TraceFormatError) return err;
    throw err;
  }
  throw new Error("expected the trace to be refused");
}

/** Reads the trace, builds its model and gives back the model's own events. */
function throughModel(lines: readonly Line[]): readonly TraceEvent[] {
  const { header, events } = parseTrace(text(lines));
  const model = buildModel(events, header);
  return Array.from({ length: model.length }, (_, i) => model.event(i as never));
}

describe("numbers at the format's bounds", () => {
  it("keeps the largest capacity, length and WaitGroup counts exactly", () => {
    const events = throughModel([
      ...start,
      { g: 1, kind: "make", ch: 1, cap: MAX_INT32, name: "big" },
      { g: 1, kind: "sync.make", obj: 1, type: "WaitGroup" },
      { g: 1, kind: "wg.add", obj: 1, delta: MAX_INT32, count: MAX_INT32 },
      { g: 1, kind: "wg.add", obj: 1, delta: MIN_INT32, count: -1 },
    ]);
    expect(events[2]).toMatchObject({ kind: "make", cap: MAX_INT32 });
    expect(events[4]).toMatchObject({ kind: "wg.add", delta: MAX_INT32, count: MAX_INT32 });
    expect(events[5]).toMatchObject({ kind: "wg.add", delta: MIN_INT32, count: -1 });
  });

  it("keeps a select case index beyond 32767 exactly", () => {
    const cases = Array.from({ length: 40001 }, () => ({ ch: 1, dir: "send" }));
    const events = throughModel([
      ...start,
      { g: 1, kind: "make", ch: 1, cap: 1 },
      { g: 1, kind: "select", cases, ready: [40000], chosen: 40000, hasDefault: false },
      { g: 1, kind: "send", ch: 1, v: "x", len: 1, sel: 40000 },
    ]);
    expect(events[3]).toMatchObject({ kind: "select", chosen: 40000 });
    expect(events[4]).toMatchObject({ kind: "send", sel: 40000 });
  });

  it.each([
    ["cap", { g: 1, kind: "make", ch: 1, cap: 2 ** 40 }, "an integer from 0 to 2147483647", 2 ** 40],
    ["ch", { g: 1, kind: "make", ch: 2 ** 31, cap: 0 }, "an integer channel id (0 to 2147483647)", 2 ** 31],
    ["child", { g: 1, kind: "spawn", child: 2 ** 53 - 1 }, "an integer goroutine id (0 to 2147483647)", 2 ** 53 - 1],
    ["g", { g: 2 ** 31, kind: "run" }, "an integer goroutine id (0 to 2147483647)", 2 ** 31],
    ["obj", { g: 1, kind: "sync.make", obj: 2 ** 32, type: "Mutex" }, "an integer sync object id (0 to 2147483647)", 2 ** 32],
    [
      "timer",
      { g: 1, kind: "timer", timer: 2 ** 31, op: "set", purpose: "sleep", at: 5 },
      "an integer timer id (0 to 2147483647)",
      2 ** 31,
    ],
    ["io", { g: 1, kind: "io", io: 2 ** 31, op: "start" }, "an integer io id (0 to 2147483647)", 2 ** 31],
  ])("refuses a %s beyond the bound, naming the line and the allowed range", (field, line, expected, got) => {
    const err = refusal([...start, line]);
    expect(err.line).toBe(4);
    expect(err.field).toBe(field);
    expect(err.message).toBe(`line 4: field "${field}": expected ${expected}, got ${got}`);
  });

  it("refuses a WaitGroup count or delta beyond 32 bits", () => {
    const wg = { g: 1, kind: "sync.make", obj: 1, type: "WaitGroup" };
    const count = refusal([...start, wg, { g: 1, kind: "wg.add", obj: 1, delta: 1, count: 2 ** 40 }]);
    expect(count.message).toBe(`line 5: field "count": expected an integer from -2147483648 to 2147483647, got ${2 ** 40}`);
    const delta = refusal([...start, wg, { g: 1, kind: "wg.add", obj: 1, delta: -(2 ** 31) - 1, count: 0 }]);
    expect(delta.field).toBe("delta");
  });

  it("refuses a select case's channel beyond the bound", () => {
    const err = refusal([...start, { g: 1, kind: "block", reason: "select", cases: [{ ch: 2 ** 31, dir: "recv" }] }]);
    expect(err.field).toBe("cases[0].ch");
  });

  it("gives the same answer on the fast path and through JSON.parse", () => {
    // 2**40 has 13 digits: the scanner reads it; a space sends the line through JSON.parse.
    const fast = `{"seq":2,"t":0,"g":1,"kind":"make","ch":1,"cap":${2 ** 40}}`;
    const slow = `{"seq":2, "t":0,"g":1,"kind":"make","ch":1,"cap":${2 ** 40}}`;
    const head = text(start);
    const messages = [fast, slow].map((l) => {
      try {
        parseTrace(head + l + "\n");
        return "read";
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toMatch(/^line 4: field "cap"/);
  });
});
