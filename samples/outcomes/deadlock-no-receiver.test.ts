import { describe, expect, it } from "vitest";
import { DEADLOCK_MESSAGE } from "../../traces/vocabulary/index";
import { sampleById } from "../catalog/catalog";
import main from "../deadlock-no-receiver";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("deadlock-no-receiver", () => {
  it.each(SCHEDULES)("the run ends in Go's deadlock error ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.end).toMatchObject({ status: "deadlock", message: "fatal error: all goroutines are asleep - deadlock!" });
    expect(t.of("deadlock").map((e) => e.message)).toEqual([DEADLOCK_MESSAGE]);
    expect(t.model.explanation.headline).toBe(DEADLOCK_MESSAGE);
  });

  it.each(SCHEDULES)("main, the only goroutine, is stuck on chan send to messages holding its value ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.waits()).toEqual({ main: { reason: "chan send", on: ["messages"] } });
    expect(t.by("main", "block")).toMatchObject([{ reason: "chan send", ch: t.channel("messages"), v: '"hello"' }]);
    expect(t.of("spawn")).toHaveLength(1);
    expect(t.finalStates()).toEqual({ main: "deadlocked" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("deadlock-no-receiver")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
