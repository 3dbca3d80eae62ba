import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "../codes";
import { serializeTrace } from "./encode";
import { everyKindTrace, sampleTrace } from "../testing/fixtureTraces";
import { syntheticTrace } from "../testing/syntheticTrace";
import { parseTrace } from "./reader";
import { TraceWriter } from "./writer";

describe("a trace written and read back", () => {
  it("gives back the sample program's header and events", () => {
    const { header, events } = sampleTrace();
    const parsed = parseTrace(serializeTrace(header, events));
    expect(parsed.header).toStrictEqual(header);
    expect(parsed.events).toStrictEqual(events);
    expect(parsed.warnings).toEqual([]);
  });

  it("keeps every event kind and every optional field", () => {
    const { header, events } = everyKindTrace();
    const parsed = parseTrace(serializeTrace(header, events));
    expect(parsed.header).toStrictEqual(header);
    expect(parsed.events).toStrictEqual(events);
  });

  it("keeps an end event's exit code", () => {
    const { header, events } = sampleTrace();
    const last = events.at(-1)!;
    const exited = [...events.slice(0, -1), { ...last, kind: "end" as const, status: "ok" as const, exitCode: 3 }];
    const text = serializeTrace(header, exited);
    expect(text.trimEnd().split("\n").at(-1)).toContain(',"exitCode":3');
    expect(parseTrace(text).events).toStrictEqual(exited);
  });

  it("is written again byte for byte", () => {
    const { header, events } = syntheticTrace(2_000);
    const text = serializeTrace(header, events);
    const parsed = parseTrace(text);
    expect(serializeTrace(parsed.header, parsed.events)).toBe(text);
  });
});

describe("the every-kind fixture", () => {
  it("contains every event kind", () => {
    const kinds = new Set(everyKindTrace().events.map((e) => e.kind));
    expect([...EVENT_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
  });
});

describe("TraceWriter", () => {
  it("writes text that parses to the header and events it was given", () => {
    const { header, events } = everyKindTrace();
    let text = "";
    const writer = new TraceWriter(header, (chunk) => (text += chunk), { batchChars: 100 });
    writer.events(events);
    writer.flush();
    expect(parseTrace(text).events).toStrictEqual(events);
    expect(writer.eventCount).toBe(events.length);
  });

  it("hands its sink whole lines only, so a crash between batches leaves a loadable file", () => {
    const { header, events } = sampleTrace();
    const chunks: string[] = [];
    const writer = new TraceWriter(header, (chunk) => chunks.push(chunk), { batchChars: 64 });
    writer.events(events);
    writer.flush();
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.endsWith("\n"))).toBe(true);
  });

  it("keeps lines until the batch is full or flush is called", () => {
    const { header, events } = sampleTrace();
    const chunks: string[] = [];
    const writer = new TraceWriter(header, (chunk) => chunks.push(chunk));
    writer.event(events[0]!);
    expect(chunks).toEqual([]);
    writer.flush();
    expect(chunks).toHaveLength(1);
  });
});
