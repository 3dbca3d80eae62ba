import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunEnded } from "../../main/contract/hostApi";
import type { TraceHeader } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { syntheticTrace } from "../../traces/testing/syntheticTrace";
import { bufferedEvents } from "../testing/fixtureTraces";
import { LiveRunFeed, type FeedScheduler } from "./liveRunFeed";

const HEADER: TraceHeader = {
  format: "chanscope-trace",
  version: 1,
  program: { name: "buffered" },
  seed: 1,
  strategy: "fifo",
  clock: "virtual",
  runtime: "0",
  createdAt: "",
};

/** A scheduler the test runs by hand. */
function manualScheduler(): FeedScheduler & { runAll(): void; readonly pending: number } {
  const tasks = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (fn) => {
      tasks.set(next, fn);
      return next++;
    },
    cancel: (h) => void tasks.delete(h as number),
    runAll: () => {
      const list = [...tasks.values()];
      tasks.clear();
      for (const fn of list) fn();
    },
    get pending() {
      return tasks.size;
    },
  };
}

function feedUnderTest() {
  const progress: { runId: number; model: TraceModel }[] = [];
  const ended: { ended: RunEnded; model: TraceModel | undefined }[] = [];
  const clock = manualScheduler();
  const feed = new LiveRunFeed(
    (runId, model) => progress.push({ runId, model }),
    (e, model) => ended.push({ ended: e, model }),
    50,
    clock,
  );
  return { feed, progress, ended, clock };
}

const events = bufferedEvents();
const end = (runId: number): RunEnded => ({ runId, outcome: "ok", message: "main returned", cutOff: false, eventCount: events.length });

describe("the live run feed", () => {
  it("reports one snapshot per interval however many batches arrive", () => {
    const { feed, progress, clock } = feedUnderTest();
    feed.started(1, HEADER);
    feed.batch({ runId: 1, events: events.slice(0, 3) });
    feed.batch({ runId: 1, events: events.slice(3, 6) });
    expect(progress).toEqual([]);
    clock.runAll();
    expect(progress.map((p) => p.model.length)).toEqual([6]);
    expect(Object.isFrozen(progress[0]?.model)).toBe(true);
  });

  it("keeps batches that arrive before the host says the run started", () => {
    const { feed, progress, clock } = feedUnderTest();
    feed.batch({ runId: 4, events: events.slice(0, 5) });
    feed.started(4, HEADER);
    clock.runAll();
    expect(progress.map((p) => [p.runId, p.model.length])).toEqual([[4, 5]]);
  });

  it("ends with the whole trace, even when the end came before the start's answer", () => {
    const { feed, ended, clock } = feedUnderTest();
    feed.batch({ runId: 2, events });
    feed.ended(end(2));
    feed.started(2, HEADER);
    expect(ended.map((e) => e.model?.length)).toEqual([events.length]);
    expect(ended[0]?.model?.complete).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it("skips events it already holds (a session picked up after a reload)", () => {
    const { feed, ended } = feedUnderTest();
    feed.started(3, HEADER, events.slice(0, 8));
    feed.batch({ runId: 3, events: events.slice(5) });
    feed.ended(end(3));
    expect(ended[0]?.model?.length).toBe(events.length);
    expect(ended[0]?.model?.anomalies).toEqual([]);
  });

  it("ignores the batches of another run", () => {
    const { feed, progress, clock } = feedUnderTest();
    feed.started(5, HEADER);
    feed.batch({ runId: 4, events: events.slice(0, 5) });
    clock.runAll();
    expect(progress).toEqual([]);
  });

  it("reports no model for a run that recorded nothing", () => {
    const { feed, ended } = feedUnderTest();
    feed.started(6, HEADER);
    feed.ended({ ...end(6), outcome: "failed", eventCount: 0 });
    expect(ended).toHaveLength(1);
    expect(ended[0]?.model).toBeUndefined();
  });

  describe("under a flood of events", () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("adds them a slice of time at a time, and ends once every one is added", () => {
      // A clock that moves 1 ms each time it is read: a slice (8 ms) adds a few thousand events.
      let t = 0;
      vi.spyOn(performance, "now").mockImplementation(() => ++t);
      const { feed, ended, clock } = feedUnderTest();
      const flood = syntheticTrace(20_000).events;
      feed.started(7, HEADER);
      feed.batch({ runId: 7, events: flood });
      feed.ended({ ...end(7), eventCount: flood.length });
      expect(ended).toEqual([]);
      let tasks = 0;
      while (ended.length === 0 && tasks < 1000) {
        clock.runAll();
        tasks++;
      }
      expect(tasks).toBeGreaterThan(2);
      expect(ended[0]?.model?.length).toBe(flood.length);
      expect(ended[0]?.model?.anomalies).toEqual([]);
    });

    it("spaces out snapshots that take long", async () => {
      let t = 0;
      vi.spyOn(performance, "now").mockImplementation(() => t);
      const delays: number[] = [];
      const progress: number[] = [];
      const feed = new LiveRunFeed(
        (_, model) => {
          progress.push(model.length);
          t += 100; // the snapshot and what it set off took 100 ms
        },
        () => undefined,
        50,
        {
          schedule: (fn, ms) => {
            delays.push(ms);
            queueMicrotask(fn);
            return 0;
          },
          cancel: () => undefined,
        },
      );
      feed.started(8, HEADER);
      feed.batch({ runId: 8, events: events.slice(0, 3) });
      await Promise.resolve();
      await Promise.resolve();
      feed.batch({ runId: 8, events: events.slice(3, 6) });
      expect(progress).toEqual([3]);
      expect(delays).toEqual([50, 800]);
    });
  });
});
