import { describe, expect, it } from "vitest";
import { buildModel } from "../../traces/model/index";
import { DEADLOCK_MESSAGE } from "../../traces/vocabulary/index";
import { sampleById } from "../catalog/catalog";
import main from "../deadlock-range-without-close";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("deadlock-range-without-close", () => {
  it.each(SCHEDULES)("the run ends in Go's deadlock error once the producer is gone ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.end).toMatchObject({ status: "deadlock", message: DEADLOCK_MESSAGE, t: ms(30) });
  });

  it.each(SCHEDULES)("the producer sends three values and returns without closing ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.sends("values", "producer").map((e) => e.v)).toEqual(["1", "2", "3"]);
    expect(t.of("close")).toEqual([]);
    expect(t.finalStates().producer).toBe("exited");
  });

  it.each(SCHEDULES)(
    "the consumer waits on chan receive from values and main on chan receive from done ($strategy, seed $seed)",
    async (s) => {
      const t = await traced(main, s);
      expect(t.recvs("values", "consumer").map((e) => e.v)).toEqual(["1", "2", "3"]);
      expect(t.waits()).toEqual({
        main: { reason: "chan receive", on: ["done"] },
        consumer: { reason: "chan receive", on: ["values"] },
      });
      expect(t.finalStates()).toEqual({ main: "deadlocked", producer: "exited", consumer: "deadlocked" });
    },
  );

  it("says the lesson: the consumer's channel was sent on, its sender has exited, and nobody closed it", async () => {
    const r = await runSample(main);
    const consumer = buildModel(r.events).explanation.items.find((i) => i.name === "consumer");
    expect(consumer?.text).toBe(
      "goroutine 3 (consumer) [chan receive]: waiting to receive from `values` (unbuffered), which no running goroutine can send to: " +
        "its other user G2 has exited, and nobody closed it: a range over a channel ends only when the channel is closed",
    );
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("deadlock-range-without-close")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
