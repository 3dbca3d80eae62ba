// Thousands of damaged traces, reproducibly: every one must either load or fail with a
// TraceFormatError. Any other exception (a TypeError deep in the reader, a RangeError)
// fails the test, with the case's number and mutations to replay it.
import { describe, expect, it } from "vitest";
import { serializeTrace } from "./encode";
import { TraceFormatError } from "./errors";
import { everyKindTrace, sampleTrace } from "../testing/fixtureTraces";
import { syntheticTrace } from "../testing/syntheticTrace";
import { Prng } from "../prng";
import { TraceReader } from "./reader";

const SEED = 0x5eed;
const CASES = 4_000;

type Rand = () => number;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const int = (rand: Rand, n: number): number => Math.floor(rand() * n);
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[int(rand, xs.length)]!;

const ODD_VALUES: readonly unknown[] = [
  "7",
  7,
  -1,
  1.5,
  0,
  null,
  true,
  [],
  [1, "x"],
  {},
  { __proto__: null, x: 1 },
  "x".repeat(200),
  2 ** 60,
  1e308,
  "",
  "\u0000",
  "constructor",
];

function splitLines(text: string): string[] {
  return text.split("\n");
}

/** Each mutation takes the file's bytes and returns damaged bytes. */
const MUTATIONS: Readonly<Record<string, (b: Uint8Array, rand: Rand) => Uint8Array>> = {
  truncate: (b, rand) => b.subarray(0, int(rand, b.length + 1)),
  flipBytes: (b, rand) => {
    const c = b.slice();
    for (let k = 1 + int(rand, 4); k > 0; k--) c[int(rand, c.length)] = int(rand, 256);
    return c;
  },
  insertGarbage: (b, rand) => {
    const at = int(rand, b.length + 1);
    const junk = Uint8Array.from({ length: 1 + int(rand, 40) }, () => int(rand, 256));
    const c = new Uint8Array(b.length + junk.length);
    c.set(b.subarray(0, at));
    c.set(junk, at);
    c.set(b.subarray(at), at + junk.length);
    return c;
  },
  swapFieldType: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    try {
      const o = JSON.parse(lines[i]!) as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length > 0) o[pick(rand, keys)] = pick(rand, ODD_VALUES);
      lines[i] = JSON.stringify(o);
    } catch {
      // Already not JSON: leave it.
    }
    return encoder.encode(lines.join("\n"));
  },
  deleteField: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    try {
      const o = JSON.parse(lines[i]!) as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length > 0) delete o[pick(rand, keys)];
      lines[i] = JSON.stringify(o);
    } catch {
      // Already not JSON: leave it.
    }
    return encoder.encode(lines.join("\n"));
  },
  deleteLine: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    lines.splice(int(rand, lines.length), 1);
    return encoder.encode(lines.join("\n"));
  },
  duplicateLine: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    lines.splice(i, 0, lines[i]!);
    return encoder.encode(lines.join("\n"));
  },
  swapLines: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    const j = int(rand, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return encoder.encode(lines.join("\n"));
  },
  shuffleLines: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const from = int(rand, lines.length);
    const to = Math.min(lines.length, from + 2 + int(rand, 10));
    for (let i = to - 1; i > from; i--) {
      const j = from + int(rand, i - from + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return encoder.encode(lines.join("\n"));
  },
  numbersAsStrings: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    lines[i] = lines[i]!.replace(/:(-?\d+)/g, ':"$1"');
    return encoder.encode(lines.join("\n"));
  },
  arrayForObject: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    lines[i] = `[${lines[i]}]`;
    return encoder.encode(lines.join("\n"));
  },
  protoKey: (b, rand) => {
    const lines = splitLines(decoder.decode(b));
    const i = int(rand, lines.length);
    lines[i] = lines[i]!.replace("{", '{"__proto__":{"kind":"run","seq":0},"constructor":1,');
    return encoder.encode(lines.join("\n"));
  },
  crlfAndBom: (b, rand) => {
    const text = decoder.decode(b).replace(/\n/g, () => (rand() < 0.5 ? "\r\n" : "\n"));
    return encoder.encode((rand() < 0.5 ? "\uFEFF" : "") + text);
  },
  nulBytes: (b, rand) => {
    const c = b.slice();
    for (let k = 1 + int(rand, 3); k > 0; k--) c[int(rand, c.length)] = 0;
    return c;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/** "ok …" or "error …": what reading gives, fed in random chunks. */
function outcome(bytes: Uint8Array, rand: Rand | undefined): string {
  let events = 0;
  const reader = new TraceReader({ header: () => {}, event: () => events++ }, { maxLineBytes: 64 * 1024 });
  try {
    if (rand === undefined) reader.push(bytes);
    else
      for (let i = 0; i < bytes.length;) {
        const n = 1 + int(rand, 300);
        reader.push(bytes.subarray(i, i + n));
        i += n;
      }
    const summary = reader.end();
    return `ok ${events} events, ${summary.warnings.map((w) => w.message).join(" / ")}`;
  } catch (err) {
    if (err instanceof TraceFormatError) return `error ${err.message}`;
    throw err;
  }
}

describe("the reader under damaged input", () => {
  it(`loads or throws a TraceFormatError for each of ${CASES} mutated traces, the same whatever the chunking`, () => {
    const random = new Prng(SEED);
    const rand = (): number => random.nextFloat();
    const bases = [sampleTrace(), everyKindTrace(), syntheticTrace(150, 3)].map((t) => encoder.encode(serializeTrace(t.header, t.events)));
    const failures: string[] = [];
    let loaded = 0;
    let refused = 0;
    for (let i = 0; i < CASES; i++) {
      let bytes: Uint8Array = pick(rand, bases);
      const applied: string[] = [];
      for (let k = 1 + int(rand, 3); k > 0; k--) {
        const name = pick(rand, MUTATION_NAMES);
        applied.push(name);
        bytes = MUTATIONS[name]!(bytes, rand);
      }
      try {
        const whole = outcome(bytes, undefined);
        const chunked = outcome(bytes, rand);
        if (whole !== chunked) failures.push(`case ${i} (${applied.join(", ")}): "${whole}" vs chunked "${chunked}"`);
        if (whole.startsWith("ok")) loaded++;
        else refused++;
      } catch (err) {
        failures.push(`case ${i} (${applied.join(", ")}): ${String(err)}`);
      }
    }
    expect(failures).toEqual([]);
    // Both paths were exercised, or the mutations are not doing their job.
    expect(loaded).toBeGreaterThan(CASES / 20);
    expect(refused).toBeGreaterThan(CASES / 2);
  });

  it("throws only TraceFormatError for random bytes and random JSON values", () => {
    const random = new Prng(SEED + 1);
    const rand = (): number => random.nextFloat();
    const failures: string[] = [];
    for (let i = 0; i < 500; i++) {
      const bytes =
        i % 2 === 0
          ? Uint8Array.from({ length: int(rand, 400) }, () => int(rand, 256))
          : encoder.encode(Array.from({ length: 1 + int(rand, 5) }, () => JSON.stringify(pick(rand, ODD_VALUES))).join("\n"));
      try {
        outcome(bytes, rand);
      } catch (err) {
        failures.push(`case ${i}: ${String(err)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
