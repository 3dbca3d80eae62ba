import { describe, expect, it } from "vitest";
import { decodeEvent, decodeHeader } from "./decode";
import { TraceFormatError } from "./errors";
import { fixtureHeader } from "../testing/traceBuilder";

function decodeError(raw: unknown): TraceFormatError {
  try {
    decodeEvent(raw, 9);
  } catch (err) {
    if (err instanceof TraceFormatError) return err;
    throw err;
  }
  throw new Error("expected a TraceFormatError");
}

const base = { seq: 0, t: 0, g: 1 };

describe("decodeEvent", () => {
  it("refuses a wait reason Go's runtime does not have", () => {
    const err = decodeError({ ...base, kind: "block", reason: "napping" });
    expect(err.field).toBe("reason");
    expect(err.detail).toMatch(/^expected a wait reason \("chan send", .*got "napping"$/);
  });

  it("names the nested field of a bad select case", () => {
    const err = decodeError({
      ...base,
      kind: "block",
      reason: "select",
      cases: [
        { ch: 1, dir: "recv" },
        { ch: 2, dir: "up" },
      ],
    });
    expect(err.message).toBe('line 9: field "cases[1].dir": expected "send" or "recv", got "up"');
  });

  it("refuses a ready index outside the select's cases", () => {
    const err = decodeError({ ...base, kind: "select", cases: [{ ch: 1, dir: "recv" }], ready: [1], chosen: 0, hasDefault: false });
    expect(err.message).toBe('line 9: field "ready[0]": expected a case index from 0 to 0, got 1');
  });

  it("refuses a default choice in a select without default", () => {
    const err = decodeError({ ...base, kind: "select", cases: [{ ch: 1, dir: "recv" }], ready: [], chosen: -1, hasDefault: false });
    expect(err.message).toBe('line 9: field "chosen": expected a case index from 0 to 0, got -1');
  });

  it("refuses fractional and unsafe integers", () => {
    expect(decodeError({ ...base, t: 1.5, kind: "run" }).field).toBe("t");
    expect(decodeError({ ...base, t: 2 ** 60, kind: "run" }).field).toBe("t");
  });

  it("refuses negative ids", () => {
    expect(decodeError({ ...base, g: -1, kind: "run" }).message).toBe(
      'line 9: field "g": expected an integer goroutine id (0 to 2147483647), got -1',
    );
  });

  it("reads an end event's exit code and refuses one that is not an integer", () => {
    const end = { ...base, g: 0, kind: "end", status: "ok", message: "exit status 3" };
    expect(decodeEvent({ ...end, exitCode: 3 }, 9)).toStrictEqual({ ...end, exitCode: 3 });
    expect(decodeEvent(end, 9)).toStrictEqual(end);
    expect(decodeError({ ...end, exitCode: "3" }).field).toBe("exitCode");
  });

  it("refuses prototype names as event kinds", () => {
    expect(decodeError({ ...base, kind: "constructor" }).field).toBe("kind");
    expect(decodeError({ ...base, kind: "__proto__" }).field).toBe("kind");
  });

  it("shortens a long bad value in the message", () => {
    const err = decodeError({ ...base, kind: "make", ch: "x".repeat(1000), cap: 0 });
    expect(err.message.length).toBeLessThan(150);
    expect(err.message).toContain("(a string of 1000 characters)");
  });

  it("returns a fresh object holding only the schema's fields", () => {
    const raw = { ...base, kind: "exit", extra: 1 };
    const e = decodeEvent(raw, 9);
    expect(e).not.toBe(raw);
    expect(e).toStrictEqual({ ...base, kind: "exit" });
  });
});

describe("decodeHeader", () => {
  it("names the field of a bad program name", () => {
    const raw = { ...fixtureHeader(), program: { name: 3 } };
    expect(() => decodeHeader(raw, 1)).toThrow('line 1: field "program.name": expected a string, got 3');
  });

  it("refuses a strategy it does not know", () => {
    const raw = { ...fixtureHeader(), strategy: "lifo" };
    expect(() => decodeHeader(raw, 1)).toThrow('line 1: field "strategy": expected one of "fifo", "random", got "lifo"');
  });

  it("refuses version 0", () => {
    const raw = { ...fixtureHeader(), version: 0 };
    expect(() => decodeHeader(raw, 1)).toThrow(TraceFormatError);
  });
});
