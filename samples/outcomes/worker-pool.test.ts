import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../worker-pool";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

const numbers = (vs: readonly string[]): number[] => vs.map(Number).sort((a, b) => a - b);

describe("worker-pool", () => {
  it.each(SCHEDULES)("every job is processed exactly once across the three workers ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const workers = t.goroutines("worker *");
    expect(workers).toHaveLength(3);
    const taken = t.recvs("jobs").map((e) => e.v);
    expect(numbers(taken)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(t.recvs("jobs").every((e) => workers.includes(e.g))).toBe(true);
    // Three at a time, each for 1 s: every worker takes three jobs.
    for (const w of workers) expect(t.recvs("jobs", w)).toHaveLength(3);
  });

  it.each(SCHEDULES)("main collects all nine results, each job doubled ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(numbers(t.recvs("results", "main").map((e) => e.v))).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18]);
    for (const send of t.sends("results")) {
      const job = t
        .recvs("jobs", send.g)
        .filter((r) => r.seq < send.seq)
        .pop()!;
      expect(Number(send.v)).toBe(2 * Number(job.v));
    }
  });

  it.each(SCHEDULES)("the workers run side by side: three results at 1 s, 2 s and 3 s ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.sends("results").map((e) => e.t)).toEqual([1000, 1000, 1000, 2000, 2000, 2000, 3000, 3000, 3000].map(ms));
  });

  it.each(SCHEDULES)("the workers' range loops end at the close of jobs and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(
      t
        .closedRecvs("jobs")
        .map((e) => t.nameOf(e.g))
        .sort(),
    ).toEqual(["worker 1", "worker 2", "worker 3"]);
    expect(t.of("leak")).toEqual([]);
    expect(Object.values(t.finalStates())).toEqual(["exited", "exited", "exited", "exited"]);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("worker-pool")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
