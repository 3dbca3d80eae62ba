import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../select-default";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("select-default", () => {
  it.each(SCHEDULES)("nothing ever blocks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.of("block")).toEqual([]);
    expect(t.end.status).toBe("ok");
  });

  it.each(SCHEDULES)("the receive with default finds nothing and falls through ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const [first] = t.of("select");
    expect(first).toMatchObject({ cases: [{ ch: t.channel("messages"), dir: "recv" }], ready: [], chosen: -1, hasDefault: true });
  });

  it.each(SCHEDULES)("sends with default succeed while the buffer has room, then fall through ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const sends = t.of("select").slice(1, 4);
    expect(sends.map((e) => [e.cases[0]?.dir, e.chosen])).toEqual([
      ["send", 0],
      ["send", 0],
      ["send", -1],
    ]);
    expect(t.sends("messages").map((e) => [e.v, e.len, e.sel])).toEqual([
      ['"hi"', 1, 0],
      ['"hello"', 2, 0],
    ]);
  });

  it.each(SCHEDULES)("the multi-way select takes the buffered message ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const last = t.of("select")[4]!;
    expect(last).toMatchObject({ ready: [0], chosen: 0, hasDefault: true });
    expect(last.cases).toEqual([
      { ch: t.channel("messages"), dir: "recv" },
      { ch: t.channel("signals"), dir: "recv" },
    ]);
    expect(t.recvs("messages", "main").map((e) => [e.v, e.len])).toEqual([['"hi"', 1]]);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("select-default")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
