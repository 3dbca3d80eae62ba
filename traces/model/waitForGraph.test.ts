import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../events";
import { pingPongDeadlock } from "../testing/fixtureTraces";
import { trace } from "../testing/traceBuilder";

describe("wait-for graph", () => {
  const m = pingPongDeadlock().model();
  const graph = m.stateAt(eventIndex(21)).waitFor;

  it("finds the two-goroutine cycle through both channels", () => {
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles[0]?.steps).toEqual([
      { g: 2, reason: "chan receive", via: { kind: "channel", id: 1 }, waitsFor: 3 },
      { g: 3, reason: "chan receive", via: { kind: "channel", id: 2 }, waitsFor: 2 },
    ]);
  });

  it("marks every parked goroutine as stuck when nothing can wake it", () => {
    expect(graph.stuck).toEqual([1, 2, 3]);
  });

  it("links goroutines to what they wait on and resources to who could act on them", () => {
    const keys = graph.edges.map((e) => `${e.from}>${e.to}:${e.kind}`);
    expect(keys).toContain("g2>ch1:waits");
    expect(keys).toContain("ch1>g3:can-act");
    expect(keys).toContain("g3>ch2:waits");
    expect(keys).toContain("ch2>g2:can-act");
    expect(keys).toContain("g1>ch3:waits");
    expect(graph.nodes.map((n) => n.key).sort()).toEqual(["ch1", "ch2", "ch3", "g1", "g2", "g3"]);
  });

  it("never lists a waiter as able to wake itself", () => {
    for (const d of graph.dependencies) expect(d.actors.map((a) => a.g)).not.toContain(d.g);
    expect(graph.dependency(goroutineId(1))?.actors).toEqual([]);
  });

  it("finds no cycle while one of the pair can still run", () => {
    const before = m.stateAt(eventIndex(20)).waitFor;
    expect(before.cycles).toEqual([]);
    expect(before.dependency(goroutineId(2))?.stuck).toBe(false);
  });

  it("takes a mutex's holder as the one a waiter waits for", () => {
    const mm = trace()
      .main()
      .syncMake(1, 1, "Mutex", "mu")
      .make(1, 1, 0, "never")
      .lock(1, 1)
      .spawn(1, 2)
      .block(1, "chan receive", { ch: 1 })
      .run(2)
      .block(2, "sync.Mutex.Lock", { obj: 1 })
      .model();
    const d = mm.stateAt(eventIndex(mm.length - 1)).waitFor.dependency(goroutineId(2));
    expect(d?.actors).toEqual([{ g: 1, via: { kind: "object", id: 1 }, role: "holder" }]);
    expect(d?.stuck).toBe(true);
  });

  it("treats a sleeping goroutine as one that will wake", () => {
    const mm = trace()
      .main()
      .spawn(1, 2)
      .block(1, "sleep", { until: 1_000_000 as never })
      .model();
    expect(mm.stateAt(eventIndex(mm.length - 1)).waitFor.dependency(goroutineId(1))?.stuck).toBe(false);
  });

  it("treats a receiver on a channel an armed timer feeds as one that will wake", () => {
    const mm = trace()
      .main() // 0, 1
      .make(1, 1, 1, "after") // 2
      .add({ kind: "timer", g: 1, timer: 1, op: "set", purpose: "after", at: 500 as never, ch: 1 }) // 3
      .block(1, "chan receive", { ch: 1 }) // 4
      .add({ kind: "timer", g: 0, timer: 1, op: "fire", purpose: "after", at: 500 as never, ch: 1 }) // 5
      .model();
    const armed = mm.stateAt(eventIndex(4)).waitFor.dependency(goroutineId(1));
    expect(armed?.timer).toEqual({ kind: "channel", id: 1 });
    expect(armed?.stuck).toBe(false);
    expect(mm.timers.map((t) => [t.id, t.purpose, t.ch, t.armedAt(eventIndex(4)), t.armedAt(eventIndex(5))])).toEqual([
      [1, "after", 1, true, false],
    ]);
    expect(mm.timersOn(channelId(1))[0]?.nextFireAt(eventIndex(4))).toBe(500);
    // Fired, and nothing was sent (a dropped tick, say): now nothing will wake it.
    expect(mm.stateAt(eventIndex(5)).waitFor.dependency(goroutineId(1))?.stuck).toBe(true);
  });
});
