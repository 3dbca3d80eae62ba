import { describe, expect, it } from "vitest";
import { buildModel } from "../../traces/model/index";
import { sampleById } from "../catalog/catalog";
import main from "../leak-timeout";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("leak-timeout", () => {
  it.each(SCHEDULES)("the caller's select takes the timeout at 100 ms ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const [sel, ...more] = t.by("main", "select");
    expect(more).toEqual([]);
    expect(sel).toMatchObject({ chosen: 1, t: ms(100) });
    expect(sel!.cases[0]).toEqual({ ch: t.channel("result"), dir: "recv" });
    expect(t.recvs("result")).toEqual([]);
  });

  it.each(SCHEDULES)("the fetcher blocks on chan send at 200 ms, with nobody left to receive ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.by("fetcher", "block").pop()).toMatchObject({
      reason: "chan send",
      ch: t.channel("result"),
      v: '"slow.example: 200 OK"',
      t: ms(200),
    });
    expect(t.sends("result")).toEqual([]);
  });

  it.each(SCHEDULES)("main returns and the fetcher is reported as leaked, blocked on chan send ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.end).toMatchObject({ status: "ok", t: ms(400) });
    expect(t.of("leak")).toMatchObject([{ g: t.goroutine("fetcher"), reason: "chan send", ch: t.channel("result") }]);
    expect(t.waits()).toEqual({ fetcher: { reason: "chan send", on: ["result"] } });
    expect(t.finalStates()).toEqual({ main: "exited", fetcher: "leaked" });
  });

  it("explains the leak without denying main's wait on result: main used it, and has exited", async () => {
    const r = await runSample(main);
    const line = buildModel(r.events).explanation.items[0]?.text;
    expect(line).toBe(
      'goroutine 2 (fetcher) [chan send]: waiting to send "slow.example: 200 OK" to `result` (unbuffered), which no running goroutine receives from: its other user G1 has exited',
    );
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("leak-timeout")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
