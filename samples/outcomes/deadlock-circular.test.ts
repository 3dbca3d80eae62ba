import { describe, expect, it } from "vitest";
import { DEADLOCK_MESSAGE } from "../../traces/vocabulary/index";
import { sampleById } from "../catalog/catalog";
import main from "../deadlock-circular";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("deadlock-circular", () => {
  it.each(SCHEDULES)("the run ends in Go's deadlock error ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.end).toMatchObject({ status: "deadlock", message: DEADLOCK_MESSAGE });
  });

  it.each(SCHEDULES)("alice and bob exchange greetings first ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("b", "bob").map((e) => e.v)).toEqual(['"hi bob"']);
    expect(t.recvs("a", "alice").map((e) => e.v)).toEqual(['"hi alice"']);
  });

  it.each(SCHEDULES)("then alice waits on a, bob waits on b and main waits on the WaitGroup ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.waits()).toEqual({
      main: { reason: "sync.WaitGroup.Wait", on: ["wg"] },
      alice: { reason: "chan receive", on: ["a"] },
      bob: { reason: "chan receive", on: ["b"] },
    });
  });

  it.each(SCHEDULES)("the wait-for graph has the cycle alice → a → bob → b → alice ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.cycles()).toEqual([["alice", "a", "bob", "b"]]);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("deadlock-circular")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
