import { describe, expect, it } from "vitest";
import { everyKindTrace, sampleTrace } from "../testing/fixtureTraces";
import { syntheticTrace } from "../testing/syntheticTrace";
import type { FixtureTrace } from "../testing/traceBuilder";
import { CHROME_CHUNK_CHARS, chromeTraceJson, toChromeTrace, type ChromeTraceEvent } from "./chrome";

const traces: ReadonlyArray<readonly [string, () => FixtureTrace]> = [
  ["the sample pipeline", sampleTrace],
  ["the every-kind trace", everyKindTrace],
  ["a synthetic worker pool", () => syntheticTrace(3_000)],
];

/**
 * Perfetto's JSON import, as far as slices and v1 flows go: events sorted by timestamp,
 * at one timestamp every "X" first (longest first), the rest in file order; a slice
 * stack per thread; a flow binds to the top of its thread's stack when it is read.
 */
function importLikePerfetto(events: readonly ChromeTraceEvent[]): {
  readonly bound: ReadonlyMap<string, ChromeTraceEvent | undefined>;
  readonly dropped: readonly ChromeTraceEvent[];
} {
  const ns = (us: number): number => Math.round(us * 1000);
  const rank = (e: ChromeTraceEvent): number => (e.ph === "X" ? Number.MAX_SAFE_INTEGER - ns(e.dur!) : Number.MAX_SAFE_INTEGER);
  const order = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.ph !== "M")
    .sort((a, b) => ns(a.e.ts!) - ns(b.e.ts!) || rank(a.e) - rank(b.e) || a.i - b.i);
  const stacks = new Map<number, { end: number; dur: number; e: ChromeTraceEvent }[]>();
  const bound = new Map<string, ChromeTraceEvent | undefined>();
  const dropped: ChromeTraceEvent[] = [];
  for (const { e } of order) {
    const stack = stacks.get(e.tid) ?? [];
    stacks.set(e.tid, stack);
    if (e.ph === "X" || (e.ph === "i" && e.s === "t")) {
      const ts = ns(e.ts!);
      const dur = e.ph === "X" ? ns(e.dur!) : 0;
      for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
        // Ended before, or at the same time unless both are zero-length (those stack).
        if (top.end < ts || (top.end === ts && !(top.dur === 0 && dur === 0))) stack.pop();
        else break;
      }
      if (stack.some((s) => ts < s.end && ts + dur > s.end)) dropped.push(e);
      else stack.push({ end: ts + dur, dur, e });
    } else if (e.ph === "s" || e.ph === "f") {
      bound.set(`${e.ph}${e.id}`, stack.at(-1)?.e);
    }
  }
  return { bound, dropped };
}

/** The channel operations an op slice holds (one, or several at one instant). */
function opsOf(slice: ChromeTraceEvent | undefined): readonly { readonly seq?: number; readonly from?: number }[] {
  if (slice?.ph !== "X" || slice.cat !== "op") return [];
  const args = slice.args as { readonly ops?: readonly { seq?: number; from?: number }[]; seq?: number; from?: number };
  return args.ops ?? [args];
}

const exported = (f: FixtureTrace, timeBase: "time" | "seq" = "time"): readonly ChromeTraceEvent[] =>
  toChromeTrace(f.header, f.events, { timeBase }).traceEvents;

const cases = traces.flatMap(([name, make]) =>
  (["time", "seq"] as const).map((base) => [`${name} (${base} base)`, () => exported(make(), base)] as const),
);

describe.each(cases)("the Chrome export of %s", (_name, make) => {
  const events = make();

  it("gives every event a name, a phase, a pid and a tid, and every non-metadata event a timestamp", () => {
    const bad = events.filter(
      (e) =>
        typeof e.name !== "string" ||
        typeof e.ph !== "string" ||
        !Number.isInteger(e.pid) ||
        !Number.isInteger(e.tid) ||
        (e.ph !== "M" && (typeof e.ts !== "number" || !Number.isFinite(e.ts) || e.ts < 0)),
    );
    expect(bad).toEqual([]);
  });

  it("gives every complete slice a duration of zero or more", () => {
    const slices = events.filter((e) => e.ph === "X");
    expect(slices.length).toBeGreaterThan(0);
    expect(slices.filter((e) => typeof e.dur !== "number" || e.dur < 0)).toEqual([]);
  });

  it("pairs every flow id with exactly one start and one finish no earlier than it", () => {
    const flows = new Map<number, ChromeTraceEvent[]>();
    for (const e of events) if (e.ph === "s" || e.ph === "f") flows.set(e.id!, [...(flows.get(e.id!) ?? []), e]);
    expect(flows.size).toBeGreaterThan(0);
    for (const [id, pair] of flows) {
      expect(
        pair.map((e) => e.ph),
        `flow ${id}`,
      ).toEqual(["s", "f"]);
      const [start, finish] = pair as [ChromeTraceEvent, ChromeTraceEvent];
      expect(finish.ts!).toBeGreaterThanOrEqual(start.ts!);
      expect([start.cat, start.name]).toEqual([finish.cat, finish.name]);
      expect(finish.bp).toBe("e");
    }
  });

  it("lets Perfetto bind every send arrow to the slice holding that send, and every arrow head to its recv", () => {
    const { bound, dropped } = importLikePerfetto(events);
    expect(dropped).toEqual([]);
    const flowIds = new Set(events.filter((e) => e.ph === "s").map((e) => e.id!));
    for (const id of flowIds) {
      expect(
        opsOf(bound.get(`s${id}`)).map((o) => o.seq),
        `flow ${id} start`,
      ).toContain(id);
      expect(
        opsOf(bound.get(`f${id}`)).map((o) => o.from),
        `flow ${id} end`,
      ).toContain(id);
    }
  });

  it("never lets a goroutine's state slices overlap", () => {
    const byTid = new Map<number, ChromeTraceEvent[]>();
    for (const e of events) if (e.ph === "X" && e.cat === "state") byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
    const ns = (us: number): number => Math.round(us * 1000);
    for (const [tid, slices] of byTid) {
      for (let i = 1; i < slices.length; i++) {
        const prev = slices[i - 1]!;
        expect(ns(slices[i]!.ts!), `thread ${tid}`).toBeGreaterThanOrEqual(ns(prev.ts!) + ns(prev.dur!));
      }
    }
  });

  it("gives counters numeric args only", () => {
    const counters = events.filter((e) => e.ph === "C");
    expect(counters.filter((e) => Object.values(e.args ?? { none: "x" }).some((v) => typeof v !== "number"))).toEqual([]);
  });

  it("names every thread that has events", () => {
    const named = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.tid));
    const used = new Set(events.filter((e) => e.ph !== "M").map((e) => e.tid));
    expect([...used].filter((tid) => !named.has(tid))).toEqual([]);
  });

  it("survives JSON serialization unchanged", () => {
    expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
  });
});

describe("toChromeTrace", () => {
  const sample = sampleTrace();
  const trace = toChromeTrace(sample.header, sample.events);
  const events = trace.traceEvents;

  it("names the process after the program", () => {
    expect(events.find((e) => e.name === "process_name")?.args).toEqual({ name: "chanscope: fan-in" });
  });

  it("names goroutine threads like G1 main", () => {
    const names = events.filter((e) => e.name === "thread_name").map((e) => e.args?.name);
    expect(names).toEqual(expect.arrayContaining(["G1 main", "G2 worker 1", "G3 worker 2"]));
  });

  it("shows a blocked state as a slice named for its wait reason, with the channel in its args", () => {
    const blocked = events.find((e) => e.ph === "X" && e.name === "blocked: chan send" && e.tid === 2);
    expect(blocked?.args).toMatchObject({ reason: "chan send", ch: 2, chan: "results" });
  });

  it("turns virtual nanoseconds into fractional microseconds", () => {
    const close = sample.events.find((e) => e.kind === "close")!;
    expect(close.t).toBe(1_500);
    expect(events.find((e) => e.name === "close jobs")?.ts).toBe(1.5);
  });

  it("spreads events one microsecond apart in sequence time", () => {
    const bySeq = exported(sample, "seq");
    const close = sample.events.find((e) => e.kind === "close")!;
    expect(bySeq.find((e) => e.name === "close jobs")?.ts).toBe(close.seq);
  });

  it("makes a counter track named chan <name> len for a buffered channel only", () => {
    const names = new Set(events.filter((e) => e.ph === "C").map((e) => e.name));
    expect([...names].sort()).toEqual(["chan jobs len", "chan time.After len"]);
  });

  it("shows closes and the run's end as instant events", () => {
    expect(events.filter((e) => e.ph === "i").map((e) => e.name)).toEqual(expect.arrayContaining(["close jobs", "end: ok"]));
  });

  it("shows a panic as an instant event on its goroutine", () => {
    const f = everyKindTrace();
    const panic = toChromeTrace(f.header, f.events).traceEvents.find((e) => e.name === "panic: send on closed channel");
    expect(panic).toMatchObject({ ph: "i", s: "t", tid: 2 });
  });

  it("names channels, sync objects and contexts as the rest of chanscope does", () => {
    const f = everyKindTrace();
    const names = toChromeTrace(f.header, f.events).traceEvents.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(["make chan #1", "chan #1 len", "Lock Mutex #1", "RLock RWMutex table", "new ctx 2 (timeout)"]),
    );
    expect(names).toContain("ctx 2 cancelled: context deadline exceeded");
  });

  it("heads a fatal error as Go does, not as a panic", () => {
    const f = everyKindTrace();
    const names = toChromeTrace(f.header, f.events).traceEvents.map((e) => e.name);
    expect(names).toContain("fatal error: sync: unlock of unlocked mutex");
  });

  it("tells two channels of one name apart by their ids", () => {
    const f = everyKindTrace();
    const twins = f.events.map((e) => (e.kind === "make" ? { ...e, name: "same" } : e));
    const ids = f.events.flatMap((e) => (e.kind === "make" ? [e.ch] : []));
    const names = toChromeTrace(f.header, twins).traceEvents.map((e) => e.name);
    expect(ids.length).toBe(2);
    expect(names).toEqual(expect.arrayContaining(ids.map((ch) => `make chan same #${ch}`)));
  });

  it("puts the runtime's events on a lane of their own, never tid 0", () => {
    const f = everyKindTrace();
    const all = toChromeTrace(f.header, f.events).traceEvents;
    const runtime = all.find((e) => e.name === "thread_name" && e.args?.name === "runtime");
    expect(runtime?.tid).toBeGreaterThan(0);
    expect(all.filter((e) => e.ph !== "M" && e.tid === 0)).toEqual([]);
  });

  it("uses nanoseconds as the display unit", () => {
    expect(trace.displayTimeUnit).toBe("ns");
  });
});

describe("chromeTraceJson", () => {
  const big = syntheticTrace(20_000);

  it("is the text of JSON.stringify(toChromeTrace(…)), in chunks", () => {
    const text = [...chromeTraceJson(big.header, big.events)].join("");
    expect(text).toBe(JSON.stringify(toChromeTrace(big.header, big.events)));
  });

  it("yields chunks of bounded size, however long the trace", () => {
    const chunks = [...chromeTraceJson(big.header, big.events)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.length).toBeLessThan(CHROME_CHUNK_CHARS + 4096);
  });
});
