import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../image-pipeline-pool";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

const NAMES = ["beach", "city", "forest", "mountain", "river", "desert", "lake", "canyon", "glacier", "meadow", "island", "valley"];
const nameOf = (preview: string): string | undefined => /name: "([^"]+)"/.exec(preview)?.[1];

describe("image-pipeline-pool", () => {
  it.each(SCHEDULES)("every image is taken from the queue by exactly one worker ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const workers = t.goroutines("worker *");
    expect(workers).toHaveLength(5);
    const taken = t.recvs("images");
    expect(taken.every((e) => workers.includes(e.g))).toBe(true);
    expect(taken.map((e) => nameOf(e.v)).sort()).toEqual(NAMES.map((n) => `${n}.png`).sort());
  });

  it.each(SCHEDULES)("main collects a compressed thumbnail of every image ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(
      t
        .recvs("processed", "main")
        .map((e) => JSON.parse(e.v) as string)
        .sort(),
    ).toEqual(NAMES.map((n) => `${n}.jpg`).sort());
  });

  it.each(SCHEDULES)("the queue never holds more than its capacity of three ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const images = t.channel("images");
    const lens = t.events.flatMap((e) => ((e.kind === "send" || e.kind === "recv") && e.ch === images ? [e.len] : []));
    expect(Math.max(...lens)).toBe(3);
  });

  it.each(SCHEDULES)("each image costs its worker two sleeps: resize, then compress ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    for (const w of t.goroutines("worker *")) {
      const sleeps = t.by(w, "block").filter((b) => b.reason === "sleep");
      expect(sleeps).toHaveLength(2 * t.recvs("images", w).length);
    }
  });

  it.each(SCHEDULES)("the closer closes processed once all five workers are done, and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const close = t.indexOf((e) => e.kind === "close" && e.ch === t.channel("processed"), "close of processed");
    expect(t.nameOf(t.events[close]!.g)).toBe("closer");
    for (const w of t.goroutines("worker *")) expect(t.exitIndex(w)).toBeLessThan(close);
    expect(t.of("leak")).toEqual([]);
    expect(new Set(Object.values(t.finalStates()))).toEqual(new Set(["exited"]));
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("image-pipeline-pool")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
