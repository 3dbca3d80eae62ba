import { format } from "node:util";
import { describe, expect, it } from "vitest";
import { formatConsoleArgs } from "./consoleFormat";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}
class Money {
  constructor(readonly cents: number) {}
  toString(): string {
    return `$${(this.cents / 100).toFixed(2)}`;
  }
}
class Stack extends Array<number> {}

const cyclic: { name: string; self?: unknown } = { name: "loop" };
cyclic.self = cyclic;
const withGetter = Object.defineProperty({ a: 1 }, "b", { get: () => 2, enumerable: true });
const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays -- a hole is the case
const sym = Symbol("tag");

/** Arguments whose text must be exactly what Node's console.log prints (util.format). */
const SAME_AS_NODE: readonly (readonly [string, readonly unknown[]])[] = [
  ["no arguments", []],
  ["a string alone, directives and all", ["100%s done %%"]],
  ["strings joined by spaces", ["hello,", "Ada"]],
  ["numbers, -0, NaN and bigints", [1, -0, Number.NaN, 12n, 1.5]],
  ["booleans, null, undefined, symbols", [true, null, undefined, sym]],
  ["%s of each kind", ["%s|%s|%s|%s|%s|%s", "a", 7, -0, 5n, { a: 1 }, new Money(250)]],
  ["%d and %i and %f", ["%d %d %i %f %d", "42", 3.9, "17.8px", "2.5e3", 9n]],
  ["%j, circular %j and %c", ["%j %j %cstyled", { a: [1, "x"] }, cyclic, "color: red"]],
  ["%o and %O", ["%O", { a: { b: { c: { d: 1 } } } }]],
  ["a directive without its argument", ["%s and %d", "one"]],
  ["an unknown directive", ["%x %s", "y"]],
  ["arguments past the directives", ["%s:", "k", { v: 1 }, "tail"]],
  ["a plain object", [{ a: 1, b: "two", "kebab-case": true, [sym]: 3 }]],
  ["nested objects, cut at depth 2", [{ a: { b: { c: { d: 1 } } } }]],
  ["three inner levels on one line", [{ a: { b: { c: {} } } }]],
  ["an object too long for one line", [{ alpha: "a".repeat(40), beta: "b".repeat(40), gamma: "c".repeat(40) }]],
  ["arrays short and empty", [[1, 2, 3], [], [[]]]],
  ["an array of more than six numbers, in columns", [Array.from({ length: 30 }, (_, i) => i * 7)]],
  ["an array of more than six words, in columns", [["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]]],
  ["an array past 100 items", [Array.from({ length: 120 }, (_, i) => i)]],
  ["an array with holes and a key", [Object.assign(holes.slice(), { extra: true })]],
  ["class instances", [new Point(1, 2), new Money(5)]],
  ["an Array subclass", [Stack.from([1, 2])]],
  [
    "a Map and a Set",
    [
      new Map<unknown, unknown>([
        ["a", 1],
        [{ k: 1 }, [2]],
      ]),
      new Set([1, "two"]),
      new Map(),
      new Set(),
    ],
  ],
  ["functions and classes", [function named() {}, () => 1, async function later() {}, Point, class extends Point {}]],
  ["a date and a regexp", [new Date(Date.UTC(2009, 10, 10, 23)), /ab+c/gi, new Date(Number.NaN)]],
  ["strings inside objects, quoted and escaped", [{ s: "it's", t: 'say "hi"', u: "tab\there\nnew", v: "both ' and \"" }]],
  ["a cycle", [cyclic]],
  ["a getter", [withGetter]],
  ["a null prototype", [nullProto]],
  ["boxed primitives", [Object(1) as unknown, Object("s") as unknown, Object(true) as unknown]],
  ["typed arrays", [new Uint8Array([1, 2, 3]), new Float64Array(0)]],
];

describe("console.log's text", () => {
  it.each(SAME_AS_NODE)("is Node's for %s", (_what, args) => {
    expect(formatConsoleArgs(args)).toBe(format(...args));
  });

  it("of an error is its stack", () => {
    const err = new Error("boom");
    expect(formatConsoleArgs(["failed:", err])).toBe(`failed: ${err.stack}`);
  });
});
