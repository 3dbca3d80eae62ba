import { describe, expect, it } from "vitest";
import { serializeEvent } from "./encode";
import { decodeEvent } from "./decode";
import { TraceFormatError } from "./errors";
import { Prng } from "../prng";
import { everyKindTrace, sampleTrace } from "../testing/fixtureTraces";
import { syntheticTrace } from "../testing/syntheticTrace";
import { LineScanner } from "./scan";

function scanner(text: string): LineScanner {
  const s = new LineScanner();
  s.startText(text);
  return s;
}
const scanned = (line: string): boolean => scanner(line).scan(0, line.length);

/** What decoding gives: the event as JSON, or the error message. */
function decoded(raw: () => unknown): string {
  try {
    return JSON.stringify(decodeEvent(raw(), 1));
  } catch (err) {
    if (err instanceof TraceFormatError) return `error ${err.message}`;
    throw err;
  }
}

const fixtureLines = (): string[] => [sampleTrace(), everyKindTrace(), syntheticTrace(500)].flatMap((t) => t.events.map(serializeEvent));

describe("LineScanner", () => {
  it("reads most lines the writer produces, into what JSON.parse would give", () => {
    const lines = fixtureLines();
    let fast = 0;
    for (const line of lines) {
      const s = scanner(line);
      if (!s.scan(0, line.length)) continue;
      fast++;
      expect(decoded(() => s.fields)).toBe(decoded(() => JSON.parse(line)));
    }
    // The generator's runs select often: about one line in ten holds an array, which the fast path leaves to JSON.parse.
    expect(fast / lines.length).toBeGreaterThan(0.85);
  });

  it("reads every line without an array or an escape", () => {
    const plain = fixtureLines().filter((line) => !line.includes("[") && !line.includes("\\"));
    expect(plain.filter((line) => !scanned(line))).toEqual([]);
  });

  it("reads a line in the middle of a chunk by its offsets", () => {
    const chunk = 'junk\n{"seq":4,"t":9,"g":1,"kind":"run"}\nmore';
    const s = scanner(chunk);
    expect(s.scan(5, chunk.indexOf("\n", 5))).toBe(true);
    expect(s.fields).toMatchObject({ seq: 4, t: 9, g: 1, kind: "run" });
  });

  it("forgets the previous line's fields", () => {
    const a = '{"seq":1,"t":0,"g":1,"kind":"send","ch":1,"v":"x","len":0,"peer":2}';
    const b = '{"seq":2,"t":0,"g":1,"kind":"send","ch":1,"v":"y","len":0}';
    const s = scanner(`${a}\n${b}`);
    s.scan(0, a.length);
    s.scan(a.length + 1, a.length + 1 + b.length);
    expect(s.fields.peer).toBeUndefined();
  });

  it("leaves lines with escapes, control characters or whitespace to JSON.parse", () => {
    expect(scanned('{"seq":1,"t":0,"g":1,"kind":"warn","message":"a\\"b"}')).toBe(false);
    expect(scanned('{"seq":1,"t":0,"g":1,"kind":"warn","message":"a\tb"}')).toBe(false);
    expect(scanned('{"seq":1, "t":0,"g":1,"kind":"run"}')).toBe(false);
  });

  it("leaves arrays and nested objects to JSON.parse", () => {
    expect(scanned('{"seq":1,"t":0,"g":1,"kind":"select","cases":[],"ready":[],"chosen":-1,"hasDefault":true}')).toBe(false);
    expect(scanned('{"seq":1,"t":0,"g":1,"kind":"run","x":{}}')).toBe(false);
  });

  it("leaves numbers it might read differently to JSON.parse", () => {
    for (const n of ["1e3", "1.0", "01", "-", "1234567890123456", "9007199254740993"]) {
      expect(scanned(`{"seq":${n},"t":0,"g":1,"kind":"run"}`), n).toBe(false);
    }
  });

  it("leaves keys it does not know to JSON.parse, __proto__ among them", () => {
    expect(scanned('{"seq":1,"t":0,"g":1,"kind":"run","__proto__":1}')).toBe(false);
    expect(scanned('{"seq":1,"t":0,"g":1,"kind":"run","future":1}')).toBe(false);
  });

  it("never accepts a damaged line that JSON.parse would read differently or refuse", () => {
    const random = new Prng(0x5ca1);
    const rand = (): number => random.nextFloat();
    const lines = fixtureLines();
    const pieces = [
      '"',
      "\\",
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      "0",
      "-",
      ".",
      "e",
      "1",
      "t",
      "f",
      "n",
      " ",
      "\t",
      "\u0000",
      "é",
      "a",
      "00",
      "1e9",
      "null",
      "true",
      "false",
      '"x":1',
      ',"v":"1"',
    ];
    const failures: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let line = lines[Math.floor(rand() * lines.length)]!;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const at = Math.floor(rand() * (line.length + 1));
        const cut = rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 3);
        const piece = rand() < 0.2 ? "" : pieces[Math.floor(rand() * pieces.length)]!;
        line = line.slice(0, at) + piece + line.slice(at + cut);
      }
      const s = scanner(line);
      if (!s.scan(0, line.length)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        failures.push(`accepted invalid JSON: ${line}`);
        continue;
      }
      const fast = decoded(() => s.fields);
      const slow = decoded(() => parsed);
      if (fast !== slow) failures.push(`${line}: ${fast} vs ${slow}`);
    }
    expect(failures).toEqual([]);
  });
});
