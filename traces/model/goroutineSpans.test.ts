import { describe, expect, it } from "vitest";
import type { Nanos } from "../units";
import { trace } from "./traceFixture";

describe("goroutine spans", () => {
  // main makes an unbuffered channel, spawns a worker that parks receiving,
  // then sends to it: a direct handoff that wakes the worker.
  const t = trace()
    .main() // 0 spawn, 1 run 1
    .make(1, 1, 0, "jobs") // 2
    .spawn(1, 2, "worker") // 3
    .run(2) // 4: main goes runnable
    .block(2, "chan receive", { ch: 1, loc: "worker.ts:7" }) // 5
    .run(1) // 6
    .send(1, 1, "42", 0, { peer: 2 }) // 7
    .recv(2, 1, "42", { peer: 1, from: 7 }) // 8
    .unblock(2, 1) // 9
    .exit(1) // 10
    .run(2) // 11
    .exit(2) // 12
    .end("ok"); // 13
  const m = t.model();
  const worker = m.goroutine(2);

  it("a spawned goroutine is runnable until it first runs", () => {
    expect(worker?.spans.stateOf(0)).toBe("runnable");
    expect(worker?.spans.startIndex(0)).toBe(3);
    expect(worker?.spans.endIndex(0)).toBe(4);
  });

  it("a blocked receiver has a blocked-recv span from its block to its unblock, naming the channel and location", () => {
    const spans = worker?.spans;
    expect(spans).toBeDefined();
    const k = spans?.spanAt(5) ?? -1;
    const s = spans?.span(k);
    expect(s?.state).toBe("blocked-recv");
    expect(s?.start).toEqual({ index: 5, t: m.time(5) });
    expect(s?.end).toEqual({ index: 9, t: m.time(9) });
    expect(s?.wait?.reason).toBe("chan receive");
    expect(s?.wait?.ch).toBe(1);
    expect(s?.wait?.loc).toBe("worker.ts:7");
  });

  it("the woken receiver is runnable until it runs, then exits", () => {
    const spans = worker?.spans;
    const states = Array.from({ length: spans?.length ?? 0 }, (_, k) => spans?.stateOf(k));
    expect(states).toEqual(["runnable", "running", "blocked-recv", "runnable", "running", "exited"]);
    expect(worker?.end?.state).toBe("exited");
    expect(worker?.end?.at.index).toBe(12);
  });

  it("running another goroutine makes the previous one runnable", () => {
    const main = m.goroutine(1)?.spans;
    expect(main?.stateOf(main.spanAt(4))).toBe("runnable");
    expect(main?.stateOf(main.spanAt(6))).toBe("running");
  });

  it("the last span is open and lasts to the end of the trace", () => {
    const spans = worker?.spans;
    const last = (spans?.length ?? 0) - 1;
    const s = spans?.span(last);
    expect(s?.open).toBe(true);
    expect(s?.end.index).toBe(13);
    expect(spans?.endIndex(last)).toBe(14);
  });

  it("finds the first span still going at a time by binary search", () => {
    const spans = worker?.spans;
    expect(spans?.firstEndingAtOrAfter(m.time(6))).toBe(spans?.spanAt(5));
    expect(spans?.firstEndingAtOrAfter(m.time(0))).toBe(0);
    expect(spans?.firstEndingAtOrAfter((m.time(13) + 1) as Nanos)).toBe(spans?.length);
  });

  it("records name, parent and spawn", () => {
    expect(worker?.name).toBe("worker");
    expect(worker?.parent).toBe(1);
    expect(worker?.spawn?.index).toBe(3);
    expect(m.goroutine(1)?.parent).toBe(0);
  });
});
