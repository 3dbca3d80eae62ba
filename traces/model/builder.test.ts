import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId, type TraceEvent } from "../events";
import type { Nanos } from "../units";
import { buildModel, TraceModelBuilder } from "./builder";
import { columnsOf } from "./createModel";
import { synthesize } from "../testing/syntheticTrace";
import { fixtureHeader, trace } from "../testing/traceBuilder";

describe("building a model", () => {
  it("gives a frozen model", () => {
    const m = trace().main().end("ok").model();
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.goroutines)).toBe(true);
    expect(Object.isFrozen(m.goroutine(goroutineId(1)))).toBe(true);
    expect(Object.isFrozen(m.channels)).toBe(true);
  });

  it("builds the same model from a builder fed one event at a time as from buildModel", () => {
    const { events } = synthesize({ seed: 5, events: 1500, goroutines: 5, channels: 3, sync: true });
    const b = new TraceModelBuilder(undefined, { checkpointEvery: 50 });
    for (const e of events) b.add(e);
    const fed = b.finish();
    const whole = buildModel(events, undefined, { checkpointEvery: 50 });
    expect(fed.length).toBe(whole.length);
    expect(fed.explanation.text).toBe(whole.explanation.text);
    expect(fed.stateAt(eventIndex(700)).goroutines).toEqual(whole.stateAt(eventIndex(700)).goroutines);
  });

  it("refuses events after finish", () => {
    const b = new TraceModelBuilder();
    b.addAll(trace().main().events);
    b.finish();
    expect(() => b.add({ seq: 2, t: 30 as Nanos, g: goroutineId(1), kind: "exit" })).toThrow(/after finish/);
  });

  it("keeps the header it was given", () => {
    const header = fixtureHeader({ program: { name: "demo" } });
    expect(buildModel(trace().main().events, header).header).toBe(header);
  });
});

describe("a growing trace", () => {
  const { events } = synthesize({ seed: 8, events: 3000, goroutines: 6, channels: 4, sync: true, contexts: true });

  it("gives snapshots that later batches do not change", () => {
    const b = new TraceModelBuilder(undefined, { checkpointEvery: 64 });
    for (const e of events.slice(0, 1200)) b.add(e);
    const early = b.snapshot();
    const before = {
      state: JSON.stringify(early.stateAt(eventIndex(1199)).goroutines),
      channels: JSON.stringify(early.stateAt(eventIndex(1199)).channels),
      flows: Array.from({ length: early.flows.length }, (_, k) => early.flows.flow(k)),
      spans: early.goroutines.map((g) => g.spans.length),
      explanation: early.explanation.text,
    };
    for (const e of events.slice(1200)) b.add(e);
    const late = b.finish();
    expect(late.length).toBe(events.length);
    expect(early.length).toBe(1200);
    expect(early.complete).toBe(false);
    expect(JSON.stringify(early.stateAt(eventIndex(1199)).goroutines)).toBe(before.state);
    expect(JSON.stringify(early.stateAt(eventIndex(1199)).channels)).toBe(before.channels);
    expect(Array.from({ length: early.flows.length }, (_, k) => early.flows.flow(k))).toEqual(before.flows);
    expect(early.goroutines.map((g) => g.spans.length)).toEqual(before.spans);
    expect(early.explanation.text).toBe(before.explanation);
  });

  it("gives a snapshot the same answers as a model built from the same prefix", () => {
    const b = new TraceModelBuilder(undefined, { checkpointEvery: 64 });
    for (const e of events.slice(0, 2000)) b.add(e);
    const snap = b.snapshot();
    for (const e of events.slice(2000)) b.add(e);
    const prefix = buildModel(events.slice(0, 2000), undefined, { checkpointEvery: 64 });
    for (const i of [0, 500, 1333, 1999]) {
      expect(JSON.stringify(snap.stateAt(eventIndex(i)).goroutines)).toBe(JSON.stringify(prefix.stateAt(eventIndex(i)).goroutines));
      expect(JSON.stringify(snap.stateAt(eventIndex(i)).channels)).toBe(JSON.stringify(prefix.stateAt(eventIndex(i)).channels));
    }
    expect(snap.flows.undelivered()).toEqual(prefix.flows.undelivered());
    expect(snap.explanation.text).toBe(prefix.explanation.text);
  });
});

describe("anomalies", () => {
  it("notes a gap in the seqs and carries on", () => {
    const events = trace()
      .main()
      .events.map((e, k) => (k === 1 ? { ...e, seq: 5 } : e));
    const m = buildModel(events);
    expect(m.anomalies.map((a) => a.message)).toEqual(["seq 5 where 1 was expected (seqs are dense from 0)"]);
    expect(m.length).toBe(2);
  });

  it("notes a channel used without a make and a receive naming no send", () => {
    const m = trace().main().recv(1, 7, "v", { from: 0 }).model();
    expect(m.anomalies.map((a) => a.message)).toEqual(["channel 7 used without a make event", "recv.from 0 is not a send in this trace"]);
    expect(m.channel(channelId(7))?.made).toBeUndefined();
  });

  it("notes a goroutine that appears without being spawned", () => {
    const m = trace().main().run(9).model();
    expect(m.anomalies.map((a) => a.message)).toEqual(["goroutine 9 appears without a spawn event"]);
    expect(m.stateAt(eventIndex(2)).goroutine(goroutineId(9))?.state).toBe("running");
  });
});

describe("events by index", () => {
  const events: TraceEvent[] = trace()
    .main()
    .make(1, 1, 3, "c")
    .send(1, 1, "v", 1, { loc: "a.ts:1" })
    .recv(1, 1, "v", { len: 0, from: 3, sel: 0 })
    .block(1, "chan receive", { ch: 1 })
    .block(1, "sleep", { until: 99 as Nanos })
    .block(1, "io", { io: 4 })
    .block(1, "select", { cases: [{ ch: null, dir: "send" }], v: "s" })
    .unblock(1, 0)
    .select(1, [{ ch: 1, dir: "send" }], [0], 0, true)
    .add({ kind: "timer", g: 0, timer: 3, op: "fire", purpose: "after", at: 77 as Nanos, ch: 1 })
    .syncMake(1, 1, "RWMutex")
    .lock(1, 1, "r")
    .unlock(1, 1, "r")
    .wgAdd(1, 2, 3, 3)
    .wgWait(1, 2)
    .add({ kind: "once", g: 1, obj: 3, op: "done" })
    .ctxMake(1, 1, "deadline", 1, { parent: 0, deadline: 10 as Nanos })
    .ctxCancel(1, 1, "context deadline exceeded", 1)
    .ctxCancel(1, 1, "context canceled", 1, "why")
    .add({ kind: "io", g: 1, io: 4, op: "end", ok: true, label: "fetch" })
    .add({ kind: "warn", g: 1, message: "foreign await" })
    .output(1, "hello, Ada", { loc: "hello.ts:4" })
    .output(0, "disk full", { stream: "stderr" })
    .add({ kind: "yield", g: 1 })
    .close(1, 1, 0)
    .leak(1, "chan receive", { ch: 1 })
    .panic(1, "boom", { fatal: true, stack: "at x" })
    .deadlock()
    .exit(1)
    .end("timeout", { limit: "events", message: "limit" }).events;
  const m = buildModel(events);

  it("rebuilds every kind of event exactly as it was given", () => {
    for (let i = 0; i < events.length; i++) expect(m.event(eventIndex(i))).toStrictEqual(events[i]);
  });

  it("gives the time and kind of an event from the columns", () => {
    expect(m.kind(eventIndex(3))).toBe("send");
    expect(m.time(eventIndex(3))).toBe(events[3]?.t);
    expect(columnsOf(m).kind[3]).toBe(5);
  });

  it("finds events by time with binary search", () => {
    expect(m.firstIndexAtOrAfter(m.time(eventIndex(5)))).toBe(5);
    expect(m.firstIndexAtOrAfter((m.time(eventIndex(5)) + 1) as Nanos)).toBe(6);
    expect(m.lastIndexAtOrBefore((m.time(eventIndex(5)) + 1) as Nanos)).toBe(5);
    expect(m.firstIndexAtOrAfter((m.endTime + 1) as Nanos)).toBe(m.length);
  });
});

describe("what the program printed", () => {
  it("is listed as the output events' indices, in order", () => {
    const m = trace().main().output(1, "one").spawn(1, 2).output(2, "two", { stream: "stderr" }).exit(1).end("ok").model();
    expect(Array.from({ length: m.output.length }, (_, k) => m.output[k])).toEqual([2, 4]);
    expect(m.event(eventIndex(4))).toMatchObject({ kind: "output", g: 2, stream: "stderr", text: "two" });
  });

  it("in a snapshot, stays as it was while the builder takes more lines", () => {
    const events = trace().main().output(1, "first").output(1, "second").events;
    const b = new TraceModelBuilder();
    b.addAll(events.slice(0, 3));
    const early = b.snapshot();
    b.addAll(events.slice(3));
    expect(early.output.length).toBe(1);
    expect(b.snapshot().output.length).toBe(2);
  });
});
