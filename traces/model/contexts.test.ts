import { describe, expect, it } from "vitest";
import type { Nanos } from "../units";
import { trace } from "./traceFixture";

describe("context tree", () => {
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "bg.done") // 2
    .ctxMake(1, 1, "background", 1) // 3
    .make(1, 2, 0) // 4
    .ctxMake(1, 2, "cancel", 2, { parent: 1 }) // 5
    .make(1, 3, 0) // 6
    .ctxMake(1, 3, "timeout", 3, { parent: 2, deadline: 5000 as Nanos }) // 7
    .make(1, 4, 0) // 8
    .ctxMake(1, 4, "cancel", 4, { parent: 2 }) // 9
    .ctxCancel(1, 2, "context canceled", 2) // 10: cancelling 2...
    .close(1, 2) // 11
    .ctxCancel(1, 3, "context canceled", 2) // 12: ...reaches its children
    .close(1, 3) // 13
    .ctxCancel(1, 4, "context canceled", 2, "shutdown") // 14
    .close(1, 4) // 15
    .model();

  it("records each context's parent, children, type, deadline and done channel", () => {
    expect(m.context(1)).toMatchObject({ parent: undefined, children: [2], type: "background", done: 1 });
    expect(m.context(2)).toMatchObject({ parent: 1, children: [3, 4], type: "cancel", done: 2 });
    expect(m.context(3)).toMatchObject({ parent: 2, type: "timeout", deadline: 5000, done: 3 });
    expect(m.context(3)?.made.index).toBe(7);
  });

  it("records the cancel of each context: when, by whom, why, and where it started", () => {
    expect(m.context(1)?.cancel).toBeUndefined();
    expect(m.context(4)?.cancel).toMatchObject({ g: 1, err: "context canceled", cause: "shutdown", source: 2 });
    expect(m.context(4)?.cancel?.at.index).toBe(14);
  });

  it("shows how a cancel propagated from its source to the descendants, in order", () => {
    expect(m.cancellations).toHaveLength(1);
    const p = m.cancellations[0];
    expect(p?.source).toBe(2);
    expect(p?.order.map((o) => [o.ctx, o.at.index])).toEqual([
      [2, 10],
      [3, 12],
      [4, 14],
    ]);
  });

  it("says which contexts are cancelled at a moment", () => {
    const cancelled = (i: number) => m.stateAt(i).contexts.map((c) => [c.id, c.cancelled]);
    expect(cancelled(9)).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
    ]);
    expect(cancelled(12)).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(m.stateAt(12).contexts[1]?.err).toBe("context canceled");
    expect(m.stateAt(4).contexts.map((c) => c.id)).toEqual([1]);
  });
});
