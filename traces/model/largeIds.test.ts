// A trace's ids may be as large as the format allows: the model's memory follows
// how many ids and events there are, never how large an id is.
import { describe, expect, it } from "vitest";
import { MAX_INT32, type GoroutineId, type ChannelId, type ObjectId } from "../events";
import { parseTrace, serializeHeader } from "../format";
import { fixtureHeader } from "../testing/traceBuilder";
import { buildModel } from "./builder";

const text = (lines: readonly Record<string, unknown>[]): string =>
  [serializeHeader(fixtureHeader()), ...lines.map((l, seq) => JSON.stringify({ seq, t: seq * 10, ...l }))].join("\n") + "\n";

/** A small run whose second goroutine, channel, mutex, context, timer and io all have id `big`. */
function bigIdTrace(big: number): string {
  return text([
    { g: 0, kind: "spawn", child: 1, name: "main" },
    { g: 1, kind: "run" },
    { g: 1, kind: "make", ch: big, cap: 1, name: "big" },
    { g: 1, kind: "sync.make", obj: big, type: "Mutex", name: "mu" },
    { g: 1, kind: "ctx.make", ctx: big, type: "background", done: big - 1 },
    { g: 1, kind: "spawn", child: big, name: "worker" },
    { g: 1, kind: "timer", timer: big, op: "set", purpose: "sleep", at: 1000 },
    { g: 1, kind: "block", reason: "sleep", until: 1000 },
    { g: big, kind: "run" },
    { g: big, kind: "lock", obj: big, mode: "w" },
    { g: big, kind: "send", ch: big, v: "1", len: 1 },
    { g: big, kind: "io", io: big, op: "start" },
    { g: big, kind: "block", reason: "io", io: big },
    { g: 0, kind: "timer", timer: big, op: "fire", purpose: "sleep", at: 1000 },
    { g: 0, kind: "unblock", by: 0 },
    { g: 1, kind: "run" },
    { g: 1, kind: "recv", ch: big, v: "1", ok: true, len: 0, from: 10 },
    { g: 1, kind: "block", reason: "sync.Mutex.Lock", obj: big },
    { g: 0, kind: "deadlock", message: "fatal error: all goroutines are asleep - deadlock!" },
    { g: 0, kind: "end", status: "deadlock" },
  ]);
}

// The tests run in Node; traces/ is typed without Node's globals.
const node = globalThis as unknown as { process: { memoryUsage(): { heapUsed: number; arrayBuffers: number } } };

const used = (): number => {
  const m = node.process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe("large ids", () => {
  it.each([
    ["1e9", 1e9],
    ["the largest legal id", MAX_INT32],
  ])("a small trace with %s builds a small model quickly", (_, big) => {
    const file = bigIdTrace(big);
    const before = used();
    const started = performance.now();
    const { header, events } = parseTrace(file);
    const model = buildModel(events, header, { checkpointEvery: 4 });
    const last = model.stateAt((model.length - 1) as never);
    const early = model.stateAt(10 as never);
    const explanation = model.explanation;
    const elapsed = performance.now() - started;
    const grown = used() - before;

    // Loose bounds: the old model allocated by id (minutes and gigabytes for id 1e9).
    expect(elapsed).toBeLessThan(2000);
    expect(grown).toBeLessThan(100 * 1024 * 1024);

    expect(model.goroutines.map((g) => g.id)).toEqual([1, big]);
    expect(last.goroutine(big as GoroutineId)?.state).toBe("deadlocked");
    expect(last.goroutine(1 as GoroutineId)?.state).toBe("deadlocked");
    expect(early.channel(big as ChannelId)?.len).toBe(1);
    expect(early.object(big as ObjectId)?.holder).toBe(big);
    expect(last.goroutines.map((g) => g.id)).toEqual([1, big]);
    expect(explanation.outcome).toBeDefined();
  });
});
