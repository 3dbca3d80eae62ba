import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../events";
import { trace } from "../testing/traceBuilder";

describe("channel state over time", () => {
  // A buffer of 2 filled by main, two producers parked on the full buffer, then main drains it.
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 2, "jobs") // 2
    .send(1, 1, "a", 1) // 3
    .send(1, 1, "b", 2) // 4: full
    .spawn(1, 2, "p2") // 5
    .spawn(1, 3, "p3") // 6
    .run(2) // 7
    .block(2, "chan send", { ch: 1, v: "c" }) // 8
    .run(3) // 9
    .block(3, "chan send", { ch: 1, v: "d" }) // 10
    .run(1) // 11
    .recv(1, 1, "a", { len: 2, from: 3 }) // 12: a slot frees...
    .send(2, 1, "c", 2) // 13: ...and the first parked sender's value joins the tail
    .unblock(2, 1) // 14
    .recv(1, 1, "b", { len: 2, from: 4 }) // 15
    .send(3, 1, "d", 2) // 16
    .unblock(3, 1) // 17
    .recv(1, 1, "c", { len: 1, from: 13 }) // 18
    .model({ checkpointEvery: 4 });
  const buffer = (i: number) =>
    m
      .stateAt(eventIndex(i))
      .channel(channelId(1))
      ?.buffer.map((b) => [b.v, b.send.index, b.g]);

  it("lists buffered values head first, each with the send that put it there", () => {
    expect(buffer(3)).toEqual([["a", 3, 1]]);
    expect(buffer(4)).toEqual([
      ["a", 3, 1],
      ["b", 4, 1],
    ]);
  });

  it("keeps parked senders and their values out of the buffer while it is full", () => {
    const ch = m.stateAt(eventIndex(10)).channel(channelId(1));
    expect(ch?.buffer.map((b) => b.v)).toEqual(["a", "b"]);
    expect(ch?.sendq.map((w) => [w.g, w.v, w.block.index])).toEqual([
      [2, "c", 8],
      [3, "d", 10],
    ]);
  });

  it("appends a parked sender's value to the tail when a receive frees a slot", () => {
    expect(buffer(12)).toEqual([["b", 4, 1]]);
    expect(
      m
        .stateAt(eventIndex(12))
        .channel(channelId(1))
        ?.sendq.map((w) => w.g),
    ).toEqual([2, 3]);
    expect(buffer(13)).toEqual([
      ["b", 4, 1],
      ["c", 13, 2],
    ]);
    expect(
      m
        .stateAt(eventIndex(13))
        .channel(channelId(1))
        ?.sendq.map((w) => w.g),
    ).toEqual([3]);
    expect(buffer(16)).toEqual([
      ["c", 13, 2],
      ["d", 16, 3],
    ]);
    expect(buffer(18)).toEqual([["d", 16, 3]]);
  });

  it("keeps the sender blocked until its unblock even though its value is in", () => {
    expect(m.stateAt(eventIndex(13)).goroutine(goroutineId(2))?.state).toBe("blocked-send");
    expect(m.stateAt(eventIndex(14)).goroutine(goroutineId(2))?.state).toBe("runnable");
  });

  it("records occupancy as a step series of the length after each operation", () => {
    const occ = m.channel(channelId(1))?.occupancy;
    expect(Array.from({ length: occ?.length ?? 0 }, (_, k) => [occ?.index(k), occ?.value(k)])).toEqual([
      [3, 1],
      [4, 2],
      [12, 2],
      [13, 2],
      [15, 2],
      [16, 2],
      [18, 1],
    ]);
    expect(occ?.at(eventIndex(2))).toBe(0);
    expect(occ?.at(eventIndex(3))).toBe(1);
    expect(occ?.at(eventIndex(17))).toBe(2);
    expect(occ?.firstAtOrAfter(eventIndex(14))).toBe(4);
  });

  it("counts sends and receives and names the channel; a goroutine that blocked on it is a user from that block", () => {
    const ch = m.channel(channelId(1));
    expect(ch?.name).toBe("jobs");
    expect(ch?.cap).toBe(2);
    expect(ch?.sends).toBe(4);
    expect(ch?.recvs).toBe(3);
    expect(ch?.made?.index).toBe(2);
    expect(ch?.madeBy).toBe(1);
    expect(ch?.users.map((u) => [u.g, u.first])).toEqual([
      [1, 3],
      [2, 8],
      [3, 10],
    ]);
  });
});

describe("wait queues", () => {
  // Three receivers park on an unbuffered channel; a sender serves the first.
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "work") // 2
    .spawn(1, 2) // 3
    .spawn(1, 3) // 4
    .spawn(1, 4) // 5
    .run(2) // 6
    .block(2, "chan receive", { ch: 1 }) // 7
    .run(3) // 8
    .block(3, "chan receive", { ch: 1 }) // 9
    .run(4) // 10
    .block(4, "chan receive", { ch: 1 }) // 11
    .run(1) // 12
    .send(1, 1, "x", 0, { peer: 2 }) // 13
    .recv(2, 1, "x", { peer: 1, from: 13 }) // 14
    .unblock(2, 1) // 15
    .model();

  it("keeps parked receivers in the order they arrived", () => {
    expect(
      m
        .stateAt(eventIndex(11))
        .channel(channelId(1))
        ?.recvq.map((w) => w.g),
    ).toEqual([2, 3, 4]);
  });

  it("takes the first parked receiver off the queue when its value arrives", () => {
    expect(
      m
        .stateAt(eventIndex(13))
        .channel(channelId(1))
        ?.recvq.map((w) => w.g),
    ).toEqual([2, 3, 4]);
    expect(
      m
        .stateAt(eventIndex(14))
        .channel(channelId(1))
        ?.recvq.map((w) => w.g),
    ).toEqual([3, 4]);
  });

  it("says when each waiter started waiting", () => {
    const st = m.stateAt(eventIndex(12));
    expect(st.goroutine(goroutineId(3))?.since).toEqual({ index: 9, t: m.time(eventIndex(9)) });
    expect(st.goroutine(goroutineId(3))?.wait?.block.index).toBe(9);
    expect(st.channel(channelId(1))?.recvq[1]?.block.index).toBe(9);
  });
});

describe("closing a channel", () => {
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "done") // 2
    .spawn(1, 2) // 3
    .spawn(1, 3) // 4
    .run(2) // 5
    .block(2, "chan receive", { ch: 1 }) // 6
    .run(3) // 7
    .block(3, "chan receive", { ch: 1 }) // 8
    .run(1) // 9
    .close(1, 1, 0) // 10
    .recv(2, 1, "", { ok: false }) // 11
    .unblock(2, 1) // 12
    .recv(3, 1, "", { ok: false }) // 13
    .unblock(3, 1) // 14
    .model();

  it("marks the channel closed from the close event on", () => {
    expect(m.stateAt(eventIndex(9)).channel(channelId(1))?.closed).toBe(false);
    expect(m.stateAt(eventIndex(10)).channel(channelId(1))?.closed).toBe(true);
    expect(m.channel(channelId(1))?.closed).toEqual({ at: { index: 10, t: m.time(eventIndex(10)) }, by: 1 });
  });

  it("wakes every parked receiver with ok false, in order", () => {
    expect(
      m
        .stateAt(eventIndex(10))
        .channel(channelId(1))
        ?.recvq.map((w) => w.g),
    ).toEqual([2, 3]);
    expect(
      m
        .stateAt(eventIndex(11))
        .channel(channelId(1))
        ?.recvq.map((w) => w.g),
    ).toEqual([3]);
    expect(m.stateAt(eventIndex(14)).channel(channelId(1))?.recvq).toEqual([]);
    expect(m.stateAt(eventIndex(14)).goroutine(goroutineId(2))?.state).toBe("runnable");
    expect(m.stateAt(eventIndex(14)).goroutine(goroutineId(3))?.state).toBe("runnable");
  });

  it("does not make flows of zero-value receives from a closed channel", () => {
    expect(m.flows.length).toBe(0);
    expect(m.flows.ofEvent(eventIndex(11))).toBeUndefined();
    expect(m.anomalies).toEqual([]);
  });
});
