import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../hello-goroutine";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("hello-goroutine", () => {
  it.each(SCHEDULES)("main hears one greeting from each greeter, in the order they finish ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("greetings", "main").map((e) => e.v)).toEqual(['"hello, Ada"', '"hello, Grace"', '"hello, Linus"']);
    for (const name of ["Ada", "Grace", "Linus"]) {
      expect(t.sends("greetings", `greeter ${name}`).map((e) => e.v)).toEqual([`"hello, ${name}"`]);
    }
  });

  it.each(SCHEDULES)("the WaitGroup counter rises to 3 and falls to 0 ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const wg = t.object("wg");
    expect(
      t
        .of("wg.add")
        .filter((e) => e.obj === wg)
        .map((e) => e.count),
    ).toEqual([1, 2, 3, 2, 1, 0]);
  });

  it.each(SCHEDULES)("main parks on wg.wait() and wakes only after the last done() ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const wg = t.object("wg");
    const block = t.indexOf((e) => e.kind === "block" && e.g === 1 && e.reason === "sync.WaitGroup.Wait", "main blocks on wg");
    const lastDone = t.indexOf((e) => e.kind === "wg.add" && e.obj === wg && e.count === 0, "the last done()");
    const waitReturns = t.indexOf((e) => e.kind === "wg.wait" && e.g === 1, "main's wait returns");
    expect(block).toBeLessThan(lastDone);
    expect(waitReturns).toBeGreaterThan(lastDone);
    expect(t.events[waitReturns]!.t).toBe(ms(30));
  });

  it.each(SCHEDULES)("every greeter exits and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.end.status).toBe("ok");
    expect(t.of("leak")).toEqual([]);
    expect(t.finalStates()).toEqual({ main: "exited", "greeter Ada": "exited", "greeter Grace": "exited", "greeter Linus": "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("hello-goroutine")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
