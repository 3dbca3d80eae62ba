import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../producer-consumer";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("producer-consumer", () => {
  it.each(SCHEDULES)("the consumer receives 1 to 5 as they come, 10 ms apart ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("values", "consumer").map((e) => [e.v, e.t])).toEqual([
      ["1", ms(10)],
      ["2", ms(20)],
      ["3", ms(30)],
      ["4", ms(40)],
      ["5", ms(50)],
    ]);
    expect(t.sends("values").every((e) => t.nameOf(e.g) === "producer")).toBe(true);
  });

  it.each(SCHEDULES)("the consumer's range ends when the producer closes the channel ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const close = t.indexOf((e) => e.kind === "close" && e.ch === t.channel("values"), "close of values");
    expect(t.events[close]!.g).toBe(t.goroutine("producer"));
    const [end] = t.closedRecvs("values");
    expect(end?.g).toBe(t.goroutine("consumer"));
    expect(end!.seq).toBeGreaterThan(close);
    expect(t.sends("done", "consumer")[0]!.seq).toBeGreaterThan(end!.seq);
  });

  it.each(SCHEDULES)("main waits for the consumer's done and everyone exits ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("done", "main").map((e) => e.v)).toEqual(["true"]);
    expect(t.finalStates()).toEqual({ main: "exited", producer: "exited", consumer: "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("producer-consumer")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
