import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../panic-send-on-closed";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("panic-send-on-closed", () => {
  it.each(SCHEDULES)("the producer panics with send on closed channel and the run ends ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const producer = t.goroutine("producer");
    expect(t.of("panic")).toMatchObject([{ g: producer, message: "send on closed channel", t: ms(30) }]);
    expect(t.end.status).toBe("panic");
    expect(t.end.message).toContain("panic: send on closed channel");
    expect(t.result.panic).toMatchObject({ g: producer, message: "send on closed channel" });
    expect(t.model.explanation.panic).toMatchObject({ g: producer, message: "send on closed channel" });
  });

  it.each(SCHEDULES)("the closer closed the channel while the producer was still running ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const close = t.of("close");
    expect(close.map((e) => [t.nameOf(e.g), t.channelName(e.ch), e.t])).toEqual([["closer", "values", ms(25)]]);
    expect(t.of("panic")[0]!.seq).toBeGreaterThan(close[0]!.seq);
    expect(t.exitIndex("producer")).toBe(-1);
  });

  it.each(SCHEDULES)("main received 1, 2, 3 before the close ended its range ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("values", "main").map((e) => e.v)).toEqual(["1", "2", "3"]);
    expect(t.closedRecvs("values").map((e) => t.nameOf(e.g))).toEqual(["main"]);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("panic-send-on-closed")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
