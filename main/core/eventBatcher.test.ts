import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TraceEvent } from "../../traces/events";
import { sampleTrace } from "../../traces/format/fixtures";
import { EventBatcher } from "./eventBatcher";

const events = sampleTrace().events;
const some = (n: number): TraceEvent[] => Array.from({ length: n }, (_, i) => events[i % events.length]!);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the event batcher", () => {
  it("posts the first events after a quiet spell at once", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 50, 5000, () => Date.now());
    b.add(some(3));
    expect(posted).toEqual([3]);
  });

  it("gathers what follows within the interval into one batch", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 50, 5000, () => Date.now());
    b.add(some(1));
    b.add(some(2));
    b.add(some(4));
    expect(posted).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(posted).toEqual([1, 6]);
  });

  it("posts early once the most events a batch may hold are waiting, in batches no bigger", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 50, 100, () => Date.now());
    b.add(some(1));
    b.add(some(250));
    expect(posted).toEqual([1, 100, 100, 50]);
  });

  it("flush posts whatever is waiting and nothing when nothing is", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 50, 5000, () => Date.now());
    b.add(some(1));
    b.add(some(2));
    b.flush();
    b.flush();
    expect(posted).toEqual([1, 2]);
  });
});
