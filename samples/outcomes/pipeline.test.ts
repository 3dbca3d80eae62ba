import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../pipeline";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("pipeline", () => {
  it.each(SCHEDULES)("main prints the odd squares of 1 to 10, in order ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("odds", "main").map((e) => Number(e.v))).toEqual([1, 9, 25, 49, 81]);
  });

  it.each(SCHEDULES)("each stage ranges over its input in order and passes its results on ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("numbers", "square").map((e) => Number(e.v))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.recvs("squares", "filter odds").map((e) => Number(e.v))).toEqual([1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
    expect(t.sends("numbers").every((e) => t.nameOf(e.g) === "generate")).toBe(true);
    expect(t.sends("squares").every((e) => t.nameOf(e.g) === "square")).toBe(true);
    expect(t.sends("odds").every((e) => t.nameOf(e.g) === "filter odds")).toBe(true);
  });

  it.each(SCHEDULES)(
    "the closes cascade down the pipeline, each stage closing its output after its input closed ($strategy, seed $seed)",
    async (s) => {
      const t = await traced(main, s);
      const closes = t.of("close").map((e) => [t.channelName(e.ch), t.nameOf(e.g)]);
      expect(closes).toEqual([
        ["numbers", "generate"],
        ["squares", "square"],
        ["odds", "filter odds"],
      ]);
      expect(t.closedRecvs("numbers").map((e) => t.nameOf(e.g))).toEqual(["square"]);
      expect(t.closedRecvs("squares").map((e) => t.nameOf(e.g))).toEqual(["filter odds"]);
      expect(t.closedRecvs("odds").map((e) => t.nameOf(e.g))).toEqual(["main"]);
    },
  );

  it.each(SCHEDULES)("every stage exits and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.finalStates()).toEqual({ main: "exited", generate: "exited", square: "exited", "filter odds": "exited" });
    expect(t.of("leak")).toEqual([]);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("pipeline")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
