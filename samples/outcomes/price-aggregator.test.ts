import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../price-aggregator";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

const exchangeOf = (preview: string): string | undefined => /exchange: "([^"]+)"/.exec(preview)?.[1];

describe("price-aggregator", () => {
  it.each(SCHEDULES)("the deadline cancels the context at 1 s ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const [cancel, ...more] = t.of("ctx.cancel");
    expect(more).toEqual([]);
    expect(cancel).toMatchObject({ t: ms(1000), err: "context deadline exceeded" });
    expect(t.of("ctx.make").find((c) => c.ctx === cancel!.ctx)?.type).toBe("timeout");
  });

  it.each(SCHEDULES)("each exchange pushes an update on every tick of its own pace ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const times = (w: string): number[] => t.sends("updates", w).map((e) => e.t / ms(1));
    expect(times("watch NYSE")).toEqual([150, 300, 450, 600, 750, 900]);
    expect(times("watch NASDAQ")).toEqual([220, 440, 660, 880]);
    expect(times("watch LSE")).toEqual([370, 740]);
    for (const w of ["NYSE", "NASDAQ", "LSE"]) {
      expect(t.sends("updates", `watch ${w}`).every((e) => exchangeOf(e.v) === w)).toBe(true);
    }
  });

  it.each(SCHEDULES)("the aggregator receives every update, all before the deadline ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const received = t.recvs("updates", "main");
    expect(received.map((e) => e.from)).toEqual(t.sends("updates").map((e) => e.seq));
    expect(received.every((e) => e.t < ms(1000))).toBe(true);
  });

  it.each(SCHEDULES)("the aggregator's select ends on ctx.done() ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const done = t.of("ctx.make").find((c) => c.type === "timeout")!.done;
    const last = t.by("main", "select").pop()!;
    expect(last.cases[last.chosen]).toEqual({ ch: done, dir: "recv" });
    expect(last.t).toBe(ms(1000));
  });

  it.each(SCHEDULES)("every watcher returns after the cancellation and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const cancel = t.indexOf((e) => e.kind === "ctx.cancel", "ctx.cancel");
    for (const w of t.goroutines("watch *")) expect(t.exitIndex(w)).toBeGreaterThan(cancel);
    expect(t.of("leak")).toEqual([]);
    expect(t.finalStates()).toEqual({ main: "exited", "watch NYSE": "exited", "watch NASDAQ": "exited", "watch LSE": "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("price-aggregator")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
