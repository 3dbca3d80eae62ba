import { describe, expect, it } from "vitest";
import { channelId, goroutineId, type TraceEvent } from "../events";
import { nanos } from "../units";
import { serializeEvent, serializeHeader, serializeTrace } from "./encode";
import { everyKindTrace, sampleTrace } from "../testing/fixtureTraces";
import { syntheticTrace } from "../testing/syntheticTrace";
import { fixtureHeader } from "../testing/traceBuilder";

describe("serializeEvent", () => {
  it("writes keys in the fixed order whatever order the object was built in", () => {
    const shuffled = {
      len: 1,
      v: "x",
      ch: channelId(2),
      kind: "send",
      g: goroutineId(1),
      t: nanos(5),
      seq: 3,
      peer: goroutineId(4),
    } as TraceEvent;
    expect(serializeEvent(shuffled)).toBe('{"seq":3,"t":5,"g":1,"kind":"send","ch":2,"v":"x","len":1,"peer":4}');
  });

  it("leaves absent optional fields out instead of writing null", () => {
    const e: TraceEvent = { seq: 0, t: nanos(0), g: goroutineId(0), kind: "spawn", child: goroutineId(1) };
    expect(serializeEvent(e)).toBe('{"seq":0,"t":0,"g":0,"kind":"spawn","child":1}');
  });

  it("writes the source location last", () => {
    const e: TraceEvent = { seq: 2, t: nanos(0), g: goroutineId(1), kind: "run", loc: "main.ts:3" };
    expect(serializeEvent(e)).toBe('{"seq":2,"t":0,"g":1,"kind":"run","loc":"main.ts:3"}');
  });

  it("escapes quotes, newlines and control characters in strings", () => {
    const e: TraceEvent = { seq: 0, t: nanos(0), g: goroutineId(1), kind: "warn", message: 'say "hi"\n\u0000 🎉' };
    const line = serializeEvent(e);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ message: 'say "hi"\n\u0000 🎉' });
  });

  it("writes a nil select case as null", () => {
    const e: TraceEvent = {
      seq: 0,
      t: nanos(0),
      g: goroutineId(1),
      kind: "select",
      cases: [{ ch: null, dir: "recv" }],
      ready: [],
      chosen: -1,
      hasDefault: true,
    };
    expect(serializeEvent(e)).toBe(
      '{"seq":0,"t":0,"g":1,"kind":"select","cases":[{"ch":null,"dir":"recv"}],"ready":[],"chosen":-1,"hasDefault":true}',
    );
  });
});

describe("serializeHeader", () => {
  it("writes the header's keys in the fixed order", () => {
    const line = serializeHeader(fixtureHeader({ program: { source: "x", id: "a/b", name: "p" } }));
    expect(line).toBe(
      '{"format":"chanscope-trace","version":1,"program":{"name":"p","id":"a/b","source":"x"},"seed":1,' +
        '"strategy":"fifo","clock":"virtual","runtime":"0.1.0","createdAt":"2025-01-01T00:00:00.000Z"}',
    );
  });
});

describe("serializeTrace", () => {
  it("gives the same bytes for the same events every time", () => {
    const { header, events } = everyKindTrace();
    const copies = events.map((e) => ({ ...e }));
    expect(serializeTrace(header, copies)).toBe(serializeTrace(header, events));
  });

  it("ends every line, the last one included, with a newline", () => {
    const { header, events } = sampleTrace();
    const text = serializeTrace(header, events);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(events.length + 2);
  });

  it("takes at most 120 bytes per event on average for a realistic trace", () => {
    const { header, events } = syntheticTrace(20_000);
    const bytes = new TextEncoder().encode(serializeTrace(header, events)).length;
    expect(bytes / events.length).toBeLessThanOrEqual(120);
  });
});
