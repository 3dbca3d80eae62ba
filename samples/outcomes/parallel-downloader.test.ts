import { describe, expect, it } from "vitest";
import type { EventOf } from "../../traces/events";
import { sampleById } from "../catalog/catalog";
import main from "../parallel-downloader";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

const CHUNKS: Record<string, number> = {
  "go1.23.linux-amd64.tar.gz": 5,
  "ubuntu-24.04.iso": 8,
  "dataset.csv": 2,
  "photos.zip": 4,
  "video.mp4": 6,
};
const fileOf = (preview: string): string | undefined => /file: "([^"]+)"/.exec(preview)?.[1];
const percentOf = (preview: string): number => Number(/percent: (\d+)/.exec(preview)?.[1]);

function byFile(events: readonly EventOf<"recv" | "send">[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of events) {
    const file = fileOf(e.v)!;
    out.set(file, [...(out.get(file) ?? []), percentOf(e.v)]);
  }
  return out;
}

describe("parallel-downloader", () => {
  it.each(SCHEDULES)("every file reaches 100% exactly once ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const progress = byFile(t.recvs("progress", "main"));
    expect([...progress.keys()].sort()).toEqual(Object.keys(CHUNKS).sort());
    for (const percents of progress.values()) {
      expect(percents.filter((p) => p === 100)).toHaveLength(1);
      expect(percents[percents.length - 1]).toBe(100);
    }
  });

  it.each(SCHEDULES)("each file's progress rises one chunk at a time ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    for (const [file, percents] of byFile(t.recvs("progress", "main"))) {
      const chunks = CHUNKS[file]!;
      expect(percents).toEqual(Array.from({ length: chunks }, (_, k) => Math.round((100 * (k + 1)) / chunks)));
    }
  });

  it.each(SCHEDULES)("each file is downloaded by exactly one worker ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const workers = t.goroutines("worker *");
    expect(
      t
        .recvs("downloads")
        .map((e) => fileOf(e.v))
        .sort(),
    ).toEqual(Object.keys(CHUNKS).sort());
    for (const file of Object.keys(CHUNKS)) {
      const taker = t.recvs("downloads").find((e) => fileOf(e.v) === file)!.g;
      expect(workers).toContain(taker);
      const reporters = new Set(
        t
          .sends("progress")
          .filter((e) => fileOf(e.v) === file)
          .map((e) => e.g),
      );
      expect(reporters).toEqual(new Set([taker]));
    }
  });

  it.each(SCHEDULES)("the closer closes progress after every worker is done, ending main's range ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const close = t.indexOf((e) => e.kind === "close" && e.ch === t.channel("progress"), "close of progress");
    expect(t.nameOf(t.events[close]!.g)).toBe("closer");
    for (const w of t.goroutines("worker *")) expect(t.exitIndex(w)).toBeLessThan(close);
    expect(t.closedRecvs("progress").map((e) => t.nameOf(e.g))).toEqual(["main"]);
    expect(t.of("leak")).toEqual([]);
    expect(new Set(Object.values(t.finalStates()))).toEqual(new Set(["exited"]));
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("parallel-downloader")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
