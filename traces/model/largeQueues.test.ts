// A channel with a hundred thousand parked senders is legal (a program that
// spawns them all before receiving): each leaves its queue in constant time.
import { describe, expect, it } from "vitest";
import type { ChannelId, TraceEvent } from "../events";
import type { Nanos } from "../units";
import { buildModel } from "./builder";

const SENDERS = 150_000;

function crowdedChannelRun(): TraceEvent[] {
  const out: TraceEvent[] = [];
  const add = (e: Record<string, unknown>): void => {
    out.push({ seq: out.length, t: 0 as Nanos, ...e } as unknown as TraceEvent);
  };
  add({ g: 0, kind: "spawn", child: 1, name: "main" });
  add({ g: 1, kind: "run" });
  add({ g: 1, kind: "make", ch: 1, cap: 0, name: "done" });
  for (let k = 0; k < SENDERS; k++) add({ g: 1, kind: "spawn", child: k + 2 });
  for (let k = 0; k < SENDERS; k++) {
    add({ g: k + 2, kind: "run" });
    add({ g: k + 2, kind: "block", reason: "chan send", ch: 1, v: String(k) });
  }
  add({ g: 1, kind: "run" });
  // Main takes each value in turn, oldest sender first, as Go does.
  for (let k = 0; k < SENDERS; k++) {
    const send = out.length;
    add({ g: k + 2, kind: "send", ch: 1, v: String(k), len: 0, peer: 1 });
    add({ g: 1, kind: "recv", ch: 1, v: String(k), ok: true, len: 0, peer: k + 2, from: send });
    add({ g: k + 2, kind: "unblock", by: 1 });
  }
  add({ g: 1, kind: "end", status: "ok" });
  return out;
}

describe("a channel with many parked senders", () => {
  it("lets each leave its queue in constant time", () => {
    const events = crowdedChannelRun();
    const started = performance.now();
    const model = buildModel(events);
    const parked = 3 + SENDERS + 2 * SENDERS; // after every sender has parked
    const full = model.stateAt(parked as never);
    const half = model.stateAt((parked + (3 * SENDERS) / 2) as never); // the unblock of the last sender of the first half
    const end = model.stateAt((model.length - 1) as never);
    const elapsed = performance.now() - started;
    // Loose bound: removing from the front of an array queue made this quadratic (about 15 s here).
    expect(elapsed).toBeLessThan(8_000);
    expect(full.channel(1 as ChannelId)?.sendq.length).toBe(SENDERS);
    expect(full.channel(1 as ChannelId)?.sendq[0]?.g).toBe(2);
    expect(half.channel(1 as ChannelId)?.sendq.length).toBe(SENDERS / 2);
    expect(half.channel(1 as ChannelId)?.sendq[0]?.g).toBe(SENDERS / 2 + 2);
    expect(end.channel(1 as ChannelId)?.sendq.length).toBe(0);
  });
});
