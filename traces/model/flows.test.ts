import { describe, expect, it } from "vitest";
import { eventIndex } from "../events";
import { trace } from "../testing/traceBuilder";

describe("flows", () => {
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "direct") // 2
    .make(1, 2, 1, "buffered") // 3
    .spawn(1, 2, "rx") // 4
    .run(2) // 5
    .block(2, "chan receive", { ch: 1 }) // 6
    .run(1) // 7
    .send(1, 1, "42", 0, { peer: 2 }) // 8: handoff to the parked receiver
    .recv(2, 1, "42", { peer: 1, from: 8 }) // 9
    .unblock(2, 1) // 10
    .send(1, 2, "x", 1) // 11: into the buffer
    .run(2) // 12
    .recv(2, 2, "x", { len: 0, from: 11 }) // 13: out of the buffer later
    .run(1) // 14
    .send(1, 2, "y", 1) // 15: never received
    .model();
  const flowOf = (i: number) => {
    const id = m.flows.ofEvent(eventIndex(i));
    return id === undefined ? undefined : m.flows.flow(id);
  };

  it("links a direct handoff from its send to its receive", () => {
    const f = flowOf(8);
    expect(f).toMatchObject({ ch: 1, sender: 1, receiver: 2, direct: true, v: "42", status: "delivered" });
    expect(f?.send.index).toBe(8);
    expect(f?.recv?.index).toBe(9);
    expect(m.flows.ofEvent(eventIndex(9))).toBe(m.flows.ofEvent(eventIndex(8)));
  });

  it("links a value through the buffer by recv.from", () => {
    const f = flowOf(13);
    expect(f).toMatchObject({ ch: 2, sender: 1, receiver: 2, direct: false, v: "x", status: "delivered" });
    expect(f?.send.index).toBe(11);
  });

  it("reports a value still in a buffer at the end as undelivered", () => {
    const undelivered = m.flows.undelivered().map((id) => m.flows.flow(id));
    expect(undelivered.map((f) => [f.send.index, f.v, f.status, f.recv])).toEqual([[15, "y", "buffered", undefined]]);
  });

  it("reports a handoff whose receive is missing from the trace as lost", () => {
    const cut = trace().main().make(1, 1, 0).spawn(1, 2).run(2).block(2, "chan receive", { ch: 1 }).run(1);
    const m2 = cut.send(1, 1, "v", 0, { peer: 2 }).model();
    expect(m2.flows.flow(0).status).toBe("lost");
  });

  it("keeps flows in send order for binary search", () => {
    expect(m.flows.firstSendAtOrAfter(eventIndex(9))).toBe(1);
    expect(Array.from({ length: m.flows.length }, (_, k) => m.flows.send[k])).toEqual([8, 11, 15]);
  });
});
