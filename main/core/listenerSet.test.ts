import { describe, expect, it } from "vitest";
import { ListenerSet } from "./listenerSet";

describe("listener sets", () => {
  it("deliver to every listener until it unsubscribes", () => {
    const set = new ListenerSet<number>();
    const a: number[] = [];
    const b: number[] = [];
    const offA = set.add((v) => a.push(v));
    set.add((v) => b.push(v));
    set.emit(1);
    offA();
    set.emit(2);
    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
  });

  it("drop what is emitted while nobody listens, by default", () => {
    const set = new ListenerSet<number>();
    set.emit(1);
    const got: number[] = [];
    set.add((v) => got.push(v));
    expect(got).toEqual([]);
  });

  it("keep what is emitted before the first listener when asked, and hand it over once", () => {
    const set = new ListenerSet<string>({ keepUntilListened: true });
    set.emit("open-recent");
    set.emit("zoom-in");
    const first: string[] = [];
    const second: string[] = [];
    set.add((v) => first.push(v));
    set.add((v) => second.push(v));
    expect(first).toEqual(["open-recent", "zoom-in"]);
    expect(second).toEqual([]);
  });

  it("a listener that throws does not keep the others from hearing the event", () => {
    const set = new ListenerSet<number>();
    const got: number[] = [];
    const thrown: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (cb) => {
      try {
        cb();
      } catch (err) {
        thrown.push(err);
      }
    };
    try {
      set.add(() => {
        throw new Error("boom");
      });
      set.add((v) => got.push(v));
      set.emit(5);
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(got).toEqual([5]);
    expect(thrown).toHaveLength(1);
  });
});
