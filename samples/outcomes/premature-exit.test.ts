import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../premature-exit";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("premature-exit", () => {
  it.each(SCHEDULES)("main returns at 50 ms without waiting for its workers ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.events[t.exitIndex("main")]!.t).toBe(ms(50));
    expect(t.end).toMatchObject({ status: "ok", message: "main returned", t: ms(50) });
    expect(t.of("wg.wait")).toEqual([]);
  });

  it.each(SCHEDULES)("the workers still mid-sleep are cut off, not reported as leaked ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.of("leak")).toEqual([]);
    expect(t.waits()).toEqual({ "worker 2": { reason: "sleep", on: [] }, "worker 3": { reason: "sleep", on: [] } });
  });

  it.each(SCHEDULES)("only worker 1, whose job is shorter than main's, finishes ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.events[t.exitIndex("worker 1")]!.t).toBe(ms(40));
    expect(t.finalStates()).toEqual({ main: "exited", "worker 1": "exited", "worker 2": undefined, "worker 3": undefined });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("premature-exit")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
