import { describe, expect, it } from "vitest";
import { eventIndex, goroutineId, objectId } from "../events";
import { trace } from "../testing/traceBuilder";

describe("sync objects", () => {
  it("tracks a mutex's holder and its waiters, handing over on unlock", () => {
    const m = trace()
      .main() // 0, 1
      .syncMake(1, 1, "Mutex", "mu") // 2
      .spawn(1, 2) // 3
      .lock(1, 1) // 4
      .run(2) // 5
      .block(2, "sync.Mutex.Lock", { obj: 1 }) // 6
      .run(1) // 7
      .unlock(1, 1) // 8
      .lock(2, 1) // 9
      .unblock(2, 1) // 10
      .model();
    expect(m.stateAt(eventIndex(4)).object(objectId(1))).toMatchObject({ type: "Mutex", name: "mu", holder: 1, waiters: [] });
    expect(m.stateAt(eventIndex(4)).object(objectId(1))?.holderSince?.index).toBe(4);
    expect(
      m
        .stateAt(eventIndex(6))
        .object(objectId(1))
        ?.waiters.map((w) => [w.g, w.reason, w.block.index]),
    ).toEqual([[2, "sync.Mutex.Lock", 6]]);
    expect(m.stateAt(eventIndex(6)).goroutine(goroutineId(2))?.state).toBe("blocked-mutex");
    expect(m.stateAt(eventIndex(8)).object(objectId(1))?.holder).toBeUndefined();
    expect(m.stateAt(eventIndex(9)).object(objectId(1))).toMatchObject({ holder: 2, waiters: [] });
  });

  it("tracks an RWMutex's readers", () => {
    const m = trace().main().syncMake(1, 1, "RWMutex").spawn(1, 2).lock(1, 1, "r").run(2).lock(2, 1, "r").unlock(1, 1, "r").model();
    expect(m.stateAt(eventIndex(6)).object(objectId(1))?.readers).toEqual([1, 2]);
    expect(m.stateAt(eventIndex(7)).object(objectId(1))?.readers).toEqual([2]);
  });

  it("keeps a WaitGroup's counter over time", () => {
    const m = trace()
      .main() // 0, 1
      .syncMake(1, 1, "WaitGroup", "wg") // 2
      .wgAdd(1, 1, 2, 2) // 3
      .spawn(1, 2) // 4
      .block(1, "sync.WaitGroup.Wait", { obj: 1 }) // 5
      .run(2) // 6
      .wgAdd(2, 1, -1, 1) // 7
      .wgAdd(2, 1, -1, 0) // 8
      .unblock(1, 2) // 9
      .exit(2) // 10
      .run(1) // 11
      .wgWait(1, 1) // 12
      .model();
    const counter = m.object(objectId(1))?.counter;
    expect(Array.from({ length: counter?.length ?? 0 }, (_, k) => [counter?.index(k), counter?.value(k)])).toEqual([
      [3, 2],
      [7, 1],
      [8, 0],
    ]);
    expect(m.stateAt(eventIndex(5)).object(objectId(1))).toMatchObject({ counter: 2 });
    expect(
      m
        .stateAt(eventIndex(5))
        .object(objectId(1))
        ?.waiters.map((w) => w.g),
    ).toEqual([1]);
    expect(m.stateAt(eventIndex(9)).object(objectId(1))?.waiters).toEqual([]);
    expect(m.object(objectId(1))?.users.map((u) => u.g)).toEqual([1, 2]);
  });

  it("tracks a Once from start to done", () => {
    const m = trace()
      .main()
      .syncMake(1, 1, "Once")
      .add({ kind: "once", g: 1, obj: 1, op: "start" })
      .add({ kind: "once", g: 1, obj: 1, op: "done" })
      .model();
    expect(m.stateAt(eventIndex(3)).object(objectId(1))).toMatchObject({ once: "running", onceBy: 1 });
    expect(m.stateAt(eventIndex(4)).object(objectId(1))).toMatchObject({ once: "done" });
  });
});
