import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../fan-out-fan-in";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

const sorted = (vs: readonly string[]): number[] => vs.map(Number).sort((a, b) => a - b);

describe("fan-out-fan-in", () => {
  it.each(SCHEDULES)("main receives the square of every input exactly once ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(sorted(t.recvs("merged", "main").map((e) => e.v))).toEqual([1, 4, 9, 16, 25, 36, 49, 64]);
  });

  it.each(SCHEDULES)(
    "the four workers share one input channel, each number going to one of them (fan-out) ($strategy, seed $seed)",
    async (s) => {
      const t = await traced(main, s);
      const workers = t.goroutines("worker *");
      expect(workers).toHaveLength(4);
      const taken = t.recvs("numbers");
      expect(taken.every((e) => workers.includes(e.g))).toBe(true);
      expect(sorted(taken.map((e) => e.v))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (const w of workers) expect(t.recvs("numbers", w).length).toBeGreaterThan(0);
    },
  );

  it.each(SCHEDULES)(
    "each worker's output is copied into merged by its own output goroutine (fan-in) ($strategy, seed $seed)",
    async (s) => {
      const t = await traced(main, s);
      for (let i = 1; i <= 4; i++) {
        const copied = t.recvs(`worker ${i} out`, `output ${i}`).map((e) => e.v);
        expect(t.sends("merged", `output ${i}`).map((e) => e.v)).toEqual(copied);
        expect(copied).toEqual(t.recvs("numbers", `worker ${i}`).map((e) => String(Number(e.v) ** 2)));
      }
    },
  );

  it.each(SCHEDULES)("the closer closes merged once the WaitGroup reaches zero ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const wg = t.object("merge");
    const zero = t.indexOf((e) => e.kind === "wg.add" && e.obj === wg && e.count === 0, "the counter reaches zero");
    const close = t.indexOf((e) => e.kind === "close" && e.ch === t.channel("merged"), "close of merged");
    expect(t.nameOf(t.events[close]!.g)).toBe("closer");
    expect(close).toBeGreaterThan(zero);
    expect(t.closedRecvs("merged").map((e) => t.nameOf(e.g))).toEqual(["main"]);
  });

  it.each(SCHEDULES)("every goroutine exits and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.of("leak")).toEqual([]);
    expect(new Set(Object.values(t.finalStates()))).toEqual(new Set(["exited"]));
    expect(Object.keys(t.finalStates())).toHaveLength(11);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("fan-out-fan-in")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
