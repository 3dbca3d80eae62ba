// A select with tens of thousands of cases is legal: parking in it and leaving it
// cost time linear in its cases.
import { describe, expect, it } from "vitest";
import type { ChannelId, GoroutineId, SelectCase, TraceEvent } from "../events";
import type { Nanos } from "../units";
import { buildModel } from "./builder";

const CASES = 30_000;
const PARKED = 12;

function wideSelectRun(): TraceEvent[] {
  const out: TraceEvent[] = [];
  const add = (e: Record<string, unknown>): void => {
    out.push({ seq: out.length, t: 0 as Nanos, ...e } as unknown as TraceEvent);
  };
  add({ g: 0, kind: "spawn", child: 1, name: "main" });
  add({ g: 1, kind: "run" });
  for (let c = 1; c <= CASES; c++) add({ g: 1, kind: "make", ch: c, cap: 0 });
  const cases: SelectCase[] = Array.from({ length: CASES }, (_, k) => ({ ch: (k + 1) as ChannelId, dir: "recv" }));
  for (let k = 0; k < PARKED; k++) add({ g: 1, kind: "spawn", child: k + 2 });
  for (let k = 0; k < PARKED; k++) {
    add({ g: k + 2, kind: "run" });
    add({ g: k + 2, kind: "block", reason: "select", cases });
  }
  // Each parked goroutine is woken and leaves every queue it sat in.
  for (let k = 0; k < PARKED; k++) {
    add({ g: 1, kind: "unblock", by: 1 } as const);
    out[out.length - 1] = { ...out[out.length - 1], g: (k + 2) as GoroutineId } as TraceEvent;
    add({ g: k + 2, kind: "run" });
  }
  add({ g: 1, kind: "run" });
  add({ g: 1, kind: "end", status: "ok" });
  return out;
}

describe("selects with many cases", () => {
  it("park and leave in time linear in their cases", () => {
    const events = wideSelectRun();
    const started = performance.now();
    const model = buildModel(events);
    const mid = model.stateAt((CASES + 2 + PARKED + 2 * PARKED - 1) as never);
    const graph = mid.waitFor;
    const end = model.stateAt((model.length - 1) as never);
    const elapsed = performance.now() - started;
    // Loose bound: the quadratic duplicate checks took more than a second per parked goroutine.
    expect(elapsed).toBeLessThan(10_000);
    expect(graph.dependencies.length).toBe(PARKED);
    expect(mid.channel(1 as ChannelId)?.recvq.length).toBe(PARKED);
    expect(end.channel(CASES as ChannelId)?.recvq.length).toBe(0);
  });
});
