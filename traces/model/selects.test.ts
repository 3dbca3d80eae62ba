import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../events";
import { trace } from "../testing/traceBuilder";

describe("select decisions", () => {
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "a") // 2
    .make(1, 2, 1, "b") // 3
    .select(1, [{ ch: 1, dir: "recv" }], [], -1, true) // 4: nothing ready, default
    .send(1, 2, "x", 1) // 5
    .select(
      1,
      [
        { ch: 1, dir: "recv" },
        { ch: 2, dir: "recv" },
      ],
      [1],
      1,
    ) // 6: b is ready
    .recv(1, 2, "x", { len: 0, from: 5, sel: 1 }) // 7: the chosen case's op
    .model();

  it("records a select that took its default case", () => {
    const d = m.selects.decision(0);
    expect(d).toMatchObject({ g: 1, chosen: -1, hasDefault: true, ready: [], op: undefined });
    expect(d.at.index).toBe(4);
    expect(d.cases).toEqual([{ ch: 1, dir: "recv" }]);
  });

  it("links the chosen case to the receive it produced", () => {
    const d = m.selects.decision(1);
    expect(d.chosen).toBe(1);
    expect(d.ready).toEqual([1]);
    expect(d.op?.index).toBe(7);
  });

  it("finds the decision from the select event or from its op", () => {
    expect(m.selects.ofEvent(eventIndex(6))).toBe(1);
    expect(m.selects.ofEvent(eventIndex(7))).toBe(1);
    expect(m.selects.ofEvent(eventIndex(5))).toBeUndefined();
  });

  it("does not block the goroutine on a select that decided", () => {
    expect(m.stateAt(eventIndex(7)).goroutine(goroutineId(1))?.state).toBe("running");
  });

  it("puts a goroutine parked in a select on the queue of every case channel", () => {
    const parked = trace()
      .main()
      .make(1, 1, 0, "a")
      .make(1, 2, 0, "b")
      .block(1, "select", {
        cases: [
          { ch: 1, dir: "recv" },
          { ch: 2, dir: "send" },
          { ch: null, dir: "recv" },
        ],
        v: "v",
      })
      .model();
    const st = parked.stateAt(eventIndex(parked.length - 1));
    expect(st.goroutine(goroutineId(1))?.state).toBe("blocked-select");
    expect(st.channel(channelId(1))?.recvq.map((w) => [w.g, w.select])).toEqual([[1, true]]);
    expect(st.channel(channelId(2))?.sendq.map((w) => [w.g, w.v])).toEqual([[1, "v"]]);
  });
});
