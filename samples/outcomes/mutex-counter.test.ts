import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../mutex-counter";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("mutex-counter", () => {
  it.each(SCHEDULES)("the final count is exactly 50 ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.sends("count", "main").map((e) => e.v)).toEqual(["50"]);
  });

  it.each(SCHEDULES)("the incrementers take the mutex one at a time, each exactly once ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const mu = t.object("mu");
    const ops = t.events.flatMap((e) => ((e.kind === "lock" || e.kind === "unlock") && e.obj === mu ? [e] : []));
    expect(ops.map((e) => e.kind)).toEqual(Array.from({ length: 50 }, () => ["lock", "unlock"]).flat());
    // Each unlock is by the goroutine that took the lock just before it.
    for (let i = 0; i < ops.length; i += 2) expect(ops[i + 1]!.g).toBe(ops[i]!.g);
    expect(new Set(ops.map((e) => e.g))).toEqual(new Set(t.goroutines("incrementer *")));
  });

  it.each(SCHEDULES)("while one holds the mutex the other 49 queue on sync.Mutex.Lock ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const mu = t.object("mu");
    const queued = t.of("block").filter((b) => b.reason === "sync.Mutex.Lock");
    expect(queued).toHaveLength(49);
    expect(queued.every((b) => b.obj === mu && b.t === 0)).toBe(true);
  });

  it.each(SCHEDULES)("readers share the RWMutex while the writer waits for all of them ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const rw = t.object("config lock");
    const writer = t.goroutine("writer");
    const ops = t.events.flatMap((e) => ((e.kind === "lock" || e.kind === "unlock") && e.obj === rw ? [e] : []));
    const readers = t.goroutines("reader *");
    // Part 2 starts at 50 ms: three read locks held together until 70 ms, then the writer's lock, then main's read.
    expect(ops.map((e) => [e.kind, e.mode, readers.includes(e.g) ? "reader" : t.nameOf(e.g)])).toEqual([
      ["lock", "r", "reader"],
      ["lock", "r", "reader"],
      ["lock", "r", "reader"],
      ["unlock", "r", "reader"],
      ["unlock", "r", "reader"],
      ["unlock", "r", "reader"],
      ["lock", "w", "writer"],
      ["unlock", "w", "writer"],
      ["lock", "r", "main"],
      ["unlock", "r", "main"],
    ]);
    expect(t.by(writer, "block").map((b) => [b.reason, b.t])).toEqual([
      ["sleep", ms(50)],
      ["sync.RWMutex.Lock", ms(55)],
    ]);
    expect(ops[6]!.t).toBe(ms(70));
  });

  it.each(SCHEDULES)("the readers saw the old config and main, afterwards, the writer's ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.sends("seen").map((e) => [t.nameOf(e.g)?.replace(/ \d$/, ""), e.v])).toEqual([
      ["reader", '"v1"'],
      ["reader", '"v1"'],
      ["reader", '"v1"'],
      ["main", '"v2"'],
    ]);
  });

  it.each(SCHEDULES)("every goroutine exits and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.of("leak")).toEqual([]);
    expect(new Set(Object.values(t.finalStates()))).toEqual(new Set(["exited"]));
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("mutex-counter")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
