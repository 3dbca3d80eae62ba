import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../web-scraper";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

const URLS = ["https://go.dev", "https://pkg.go.dev", "https://gobyexample.com", "https://go.dev/tour", "https://github.com/golang/go"];
const urlOf = (preview: string): string | undefined => /url: "([^"]+)"/.exec(preview)?.[1];

describe("web-scraper", () => {
  it.each(SCHEDULES)("main collects one page for every URL ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const urls = t.recvs("results", "main").map((e) => urlOf(e.v));
    expect([...urls].sort()).toEqual([...URLS].sort());
  });

  it.each(SCHEDULES)("each fetcher sends its own page after its own latency ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    for (const url of URLS) {
      const [send, ...more] = t.sends("results", `fetch ${url}`);
      expect(more).toEqual([]);
      expect(urlOf(send!.v)).toBe(url);
      const latency = Number(/ms: (\d+)/.exec(send!.v)?.[1]);
      expect(send!.t).toBe(ms(latency));
    }
  });

  it.each(SCHEDULES)("pages arrive in order of latency, not of the URL list ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("results", "main").map((e) => [urlOf(e.v), e.t / ms(1)])).toEqual([
      ["https://gobyexample.com", 80],
      ["https://go.dev", 120],
      ["https://github.com/golang/go", 160],
      ["https://go.dev/tour", 210],
      ["https://pkg.go.dev", 300],
    ]);
  });

  it.each(SCHEDULES)("every fetcher exits and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.of("leak")).toEqual([]);
    expect(new Set(Object.values(t.finalStates()))).toEqual(new Set(["exited"]));
    expect(Object.keys(t.finalStates())).toHaveLength(6);
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("web-scraper")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
