import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TraceEvent } from "../../traces/events";
import { sampleTrace } from "../../traces/testing/fixtureTraces";
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
  it("posts what arrived before the event loop turns as one batch", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 5000);
    b.add(some(1));
    b.add(some(2));
    b.add(some(4));
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(posted).toEqual([7]);
  });

  it("posts at once when the event loop turns, however soon after the last batch", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 5000);
    b.add(some(3));
    vi.advanceTimersByTime(0);
    b.add(some(2));
    vi.advanceTimersByTime(0);
    expect(posted).toEqual([3, 2]);
  });

  it("posts early once the most events a batch may hold are waiting, in batches no bigger", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 100);
    b.add(some(1));
    b.add(some(250));
    expect(posted).toEqual([100, 100, 51]);
  });

  it("flush posts whatever is waiting and nothing when nothing is", () => {
    const posted: number[] = [];
    const b = new EventBatcher((es) => posted.push(es.length), 5000);
    b.add(some(1));
    b.add(some(2));
    b.flush();
    b.flush();
    vi.advanceTimersByTime(0);
    expect(posted).toEqual([3]);
  });
});
