import { describe, expect, it } from "vitest";
import { VALUE_PREVIEW_MAX } from "../traces/events";
import { preview } from "./preview";

describe("preview", () => {
  it("shows primitives as Go-ish literals", () => {
    expect([1, -0, NaN, "hi", true, null, undefined, 12n].map(preview)).toEqual([
      "1",
      "-0",
      "NaN",
      '"hi"',
      "true",
      "null",
      "undefined",
      "12n",
    ]);
  });

  it("shows symbols and functions by name", () => {
    expect(preview(Symbol("tag"))).toBe("Symbol(tag)");
    expect(preview(function worker() {})).toBe("[Function worker]");
    expect(preview(() => 1)).toBe("[Function]");
  });

  it("bounds long strings and huge objects", () => {
    const big = { items: Array.from({ length: 100_000 }, (_, i) => i) };
    for (const v of ["x".repeat(100_000), big, new Array(10_000).fill("abc"), new Map([[1, "a".repeat(200)]])]) {
      const p = preview(v);
      expect(p.length).toBeLessThanOrEqual(VALUE_PREVIEW_MAX);
      expect(p.endsWith("…") || p.endsWith('…"')).toBe(true);
    }
  });

  it("survives cycles", () => {
    const a: { self?: unknown; n: number } = { n: 1 };
    a.self = a;
    expect(preview(a)).toBe("{n: 1, self: [Circular]}");
  });

  it("never calls getters or user code", () => {
    let called = false;
    const o = {
      get x(): number {
        called = true;
        return 1;
      },
      toString(): string {
        called = true;
        return "nope";
      },
    };
    expect(preview(o)).toBe("{x: [Getter], toString: [Function toString]}");
    expect(called).toBe(false);
  });

  it("never throws, even for a hostile proxy", () => {
    const p = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    expect(preview(p)).toBe("[Object]");
  });

  it("names class instances, maps, sets, dates and errors", () => {
    class Job {
      id = 3;
    }
    expect(preview(new Job())).toBe("Job {id: 3}");
    expect(preview(new Set([1, 2]))).toBe("Set(2) {1, 2}");
    expect(preview(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(preview(new TypeError("bad"))).toBe("TypeError: bad");
    expect(preview([1, [2, [3, [4]]]])).toBe("[1, [2, […2]]]");
  });
});
