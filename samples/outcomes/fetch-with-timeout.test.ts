import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../fetch-with-timeout";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("fetch-with-timeout", () => {
  it.each(SCHEDULES)("the fast call's result wins its select at 50 ms ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const [first] = t.by("main", "select");
    expect(first).toMatchObject({ chosen: 0, t: ms(50) });
    expect(first!.cases[0]).toEqual({ ch: t.channel("result fast.example"), dir: "recv" });
    expect(t.recvs("result fast.example", "main").map((e) => e.v)).toEqual(['"fast.example: 200 OK"']);
  });

  it.each(SCHEDULES)("the slow call loses to the timer at 150 ms ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const second = t.by("main", "select")[1]!;
    expect(second).toMatchObject({ chosen: 1, t: ms(150) });
    expect(t.recvs("result slow.example")).toEqual([]);
  });

  it.each(SCHEDULES)("exactly one result and one timeout ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.by("main", "select").map((e) => e.chosen)).toEqual([0, 1]);
  });

  it.each(SCHEDULES)("the slow fetcher still delivers into its buffer and exits, so nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const [late] = t.sends("result slow.example", "fetch slow.example");
    expect(late).toMatchObject({ t: ms(350), len: 1, v: '"slow.example: 200 OK"' });
    expect(late!.peer).toBeUndefined();
    expect(t.exitIndex("fetch slow.example")).toBeGreaterThan(late!.seq);
    expect(t.of("leak")).toEqual([]);
    expect(t.end.status).toBe("ok");
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("fetch-with-timeout")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
