import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../events";
import { trace } from "../testing/traceBuilder";

// 0 spawn main · 1 run main · 2 make a · 3 make b · 4 spawn G2 · 5 send on a · 6 select (b, a) · 7 block in select (a, nil)
// 8 run G2 · 9 recv from a · 10 close b · 11 recv from b (closed)
const model = () =>
  trace()
    .main()
    .make(1, 1, 1, "a")
    .make(1, 2, 0, "b")
    .spawn(1, 2, "worker")
    .send(1, 1, "x", 1)
    .select(
      1,
      [
        { ch: 2, dir: "recv" },
        { ch: 1, dir: "send" },
      ],
      [],
      -1,
      true,
    )
    .block(1, "select", {
      cases: [
        { ch: 1, dir: "recv" },
        { ch: null, dir: "recv" },
      ],
    })
    .run(2)
    .recv(2, 1, "x", { from: 5 })
    .close(2, 2)
    .recv(2, 2, "", { ok: false })
    .model();

describe("asking the model about one event", () => {
  it("names the channel of channel operations, makes and blocks, and none for other kinds", () => {
    const m = model();
    expect([2, 5, 9, 10, 11].map((i) => m.channelOf(eventIndex(i)))).toEqual([1, 1, 1, 2, 2]);
    expect(m.channelOf(eventIndex(1))).toBeUndefined();
    expect(m.channelOf(eventIndex(6))).toBeUndefined();
  });

  it("names the goroutine a spawn started, and none for other kinds", () => {
    const m = model();
    expect(m.spawned(eventIndex(4))).toBe(2);
    expect(m.spawned(eventIndex(0))).toBe(1);
    expect(m.spawned(eventIndex(5))).toBeUndefined();
  });

  it("says whether a receive got a value, and nothing for other kinds", () => {
    const m = model();
    expect(m.receivedOk(eventIndex(9))).toBe(true);
    expect(m.receivedOk(eventIndex(11))).toBe(false);
    expect(m.receivedOk(eventIndex(5))).toBeUndefined();
  });

  it("gives the cases of a select and of a block in a select", () => {
    const m = model();
    expect(m.casesOf(eventIndex(6))).toEqual([
      { ch: 2, dir: "recv" },
      { ch: 1, dir: "send" },
    ]);
    expect(m.casesOf(eventIndex(7))).toEqual([
      { ch: 1, dir: "recv" },
      { ch: null, dir: "recv" },
    ]);
    expect(m.casesOf(eventIndex(5))).toBeUndefined();
  });

  it("counts a goroutine's own events and the spawn that started it as its events", () => {
    const m = model();
    expect([4, 8, 9, 10, 11].every((i) => m.isEventOf(eventIndex(i), goroutineId(2)))).toBe(true);
    expect(m.isEventOf(eventIndex(5), goroutineId(2))).toBe(false);
  });

  it("counts operations on a channel and selects with a case on it as events on the channel", () => {
    const m = model();
    expect([2, 5, 6, 7, 9].every((i) => m.isEventOn(eventIndex(i), channelId(1)))).toBe(true);
    expect(m.isEventOn(eventIndex(7), channelId(2))).toBe(false);
    expect(m.isEventOn(eventIndex(6), channelId(2))).toBe(true);
    expect(m.isEventOn(eventIndex(8), channelId(1))).toBe(false);
  });
});
