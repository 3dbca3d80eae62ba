import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../select-multiplex";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("select-multiplex", () => {
  it.each(SCHEDULES)("main's select fires c1 at 100 ms, then c2 at 200 ms ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.by("main", "select").map((e) => [e.chosen, e.t])).toEqual([
      [0, ms(100)],
      [1, ms(200)],
    ]);
    expect(t.by("main", "recv").map((e) => [t.channelName(e.ch), e.v, e.sel])).toEqual([
      ["c1", '"one"', 0],
      ["c2", '"two"', 1],
    ]);
  });

  it.each(SCHEDULES)("main blocks in the select on both channels before each message ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const cases = [
      { ch: t.channel("c1"), dir: "recv" },
      { ch: t.channel("c2"), dir: "recv" },
    ];
    const blocks = t.by("main", "block");
    expect(blocks.map((b) => [b.reason, b.t])).toEqual([
      ["select", 0],
      ["select", ms(100)],
    ]);
    for (const b of blocks) expect(b.cases).toEqual(cases);
  });

  it.each(SCHEDULES)("both senders exit and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.finalStates()).toEqual({ main: "exited", one: "exited", two: "exited" });
    expect(t.of("leak")).toEqual([]);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("select-multiplex")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
