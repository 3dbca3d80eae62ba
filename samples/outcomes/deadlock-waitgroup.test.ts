import { describe, expect, it } from "vitest";
import { DEADLOCK_MESSAGE } from "../../traces/vocabulary/index";
import { sampleById } from "../catalog/catalog";
import main from "../deadlock-waitgroup";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("deadlock-waitgroup", () => {
  it.each(SCHEDULES)("the run ends in Go's deadlock error after the second worker is done ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.end).toMatchObject({ status: "deadlock", message: DEADLOCK_MESSAGE, t: ms(20) });
  });

  it.each(SCHEDULES)("the counter goes 3, 2, 1 and sticks at 1 ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const wg = t.object("wg");
    expect(
      t
        .of("wg.add")
        .filter((e) => e.obj === wg)
        .map((e) => [t.nameOf(e.g), e.delta, e.count]),
    ).toEqual([
      ["main", 3, 3],
      ["worker 1", -1, 2],
      ["worker 2", -1, 1],
    ]);
  });

  it.each(SCHEDULES)("main is stuck on sync.WaitGroup.Wait and both workers exited ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.waits()).toEqual({ main: { reason: "sync.WaitGroup.Wait", on: ["wg"] } });
    expect(t.finalStates()).toEqual({ main: "deadlocked", "worker 1": "exited", "worker 2": "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("deadlock-waitgroup")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
