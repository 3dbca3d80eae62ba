import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../context-cancel";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("context-cancel", () => {
  it.each(SCHEDULES)("the timeout cancels the context at 500 ms and closes its done channel ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const ctx = t.of("ctx.make").find((c) => c.type === "timeout")!;
    const [cancel, ...more] = t.of("ctx.cancel");
    expect(more).toEqual([]);
    expect(cancel).toMatchObject({ ctx: ctx.ctx, t: ms(500), err: "context deadline exceeded" });
    const close = t.of("close").find((c) => c.ch === ctx.done);
    expect(close?.seq).toBeGreaterThan(cancel!.seq);
  });

  it.each(SCHEDULES)("every worker observes the cancellation on ctx.done() and exits after it ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const done = t.of("ctx.make").find((c) => c.type === "timeout")!.done;
    const cancel = t.indexOf((e) => e.kind === "ctx.cancel", "ctx.cancel");
    const workers = t.goroutines("worker *");
    expect(workers).toHaveLength(3);
    for (const w of workers) {
      const last = t.by(w, "recv").pop()!;
      expect(last).toMatchObject({ ch: done, ok: false, t: ms(500) });
      expect(last.seq).toBeGreaterThan(cancel);
      expect(t.exitIndex(w)).toBeGreaterThan(last.seq);
    }
  });

  it.each(SCHEDULES)("until then each worker does a round of work per period ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const rounds = (w: string): number[] =>
      t
        .by(w, "recv")
        .filter((e) => t.channelName(e.ch)?.startsWith("after "))
        .map((e) => e.t / ms(1));
    expect(rounds("worker 1")).toEqual([70, 140, 210, 280, 350, 420, 490]);
    expect(rounds("worker 2")).toEqual([140, 280, 420]);
    expect(rounds("worker 3")).toEqual([210, 420]);
  });

  it.each(SCHEDULES)("main's wait returns once all workers are done, and nothing leaks ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.by("main", "wg.wait")[0]?.t).toBe(ms(500));
    expect(t.of("leak")).toEqual([]);
    expect(t.finalStates()).toEqual({ main: "exited", "worker 1": "exited", "worker 2": "exited", "worker 3": "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("context-cancel")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
