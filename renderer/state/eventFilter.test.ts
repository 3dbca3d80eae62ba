import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../../traces/events";
import { buildModel } from "../../traces/model/index";
import { trace } from "../../traces/testing/traceBuilder";
import { eventPhrase } from "../../traces/vocabulary/index";
import { parseLoc } from "./sourceLoc";
import { filterEvents, isFiltering, kindsOfFilter, rowAtOrBefore } from "./eventFilter";
import { bufferedModel, circularDeadlockModel } from "../testing/fixtureTraces";
import { nextEventInScope, scopeOfSelection } from "./navigation";
import { INITIAL_FILTERS } from "./uiState";

const kinds = (model: ReturnType<typeof bufferedModel>, rows: Int32Array): string[] => [...rows].map((i) => model.kind(eventIndex(i)));

describe("the event filters", () => {
  const model = bufferedModel();

  it("let every event through when nothing is set", () => {
    expect(isFiltering(INITIAL_FILTERS)).toBe(false);
    expect(filterEvents(model, INITIAL_FILTERS).length).toBe(model.length);
  });

  it("keep a goroutine's own events and the spawn that made it", () => {
    const rows = filterEvents(model, { ...INITIAL_FILTERS, goroutine: goroutineId(2) });
    expect(kinds(model, rows)).toEqual(["spawn", "run", "recv", "exit"]);
  });

  it("keep a channel's operations", () => {
    const rows = filterEvents(model, { ...INITIAL_FILTERS, channel: channelId(1) });
    expect(kinds(model, rows)).toEqual(["make", "send", "send", "send", "block", "recv", "send"]);
  });

  it("keep a group of kinds, or one kind", () => {
    expect(kindsOfFilter("channel")).toEqual(["make", "send", "recv", "close"]);
    expect(kindsOfFilter("select")).toEqual(["select"]);
    expect(kindsOfFilter("wg.add")).toEqual(["wg.add"]);
    expect(new Set(kinds(model, filterEvents(model, { ...INITIAL_FILTERS, kinds: "blocking" })))).toEqual(new Set(["block", "unblock"]));
  });

  it("search the words shown for each event, ignoring case", () => {
    const rows = filterEvents(model, { ...INITIAL_FILTERS, search: "SEND 4" });
    expect([...rows].map((i) => eventPhrase(model.event(eventIndex(i)), model))).toEqual([
      "waiting to send 4 to `messages`",
      "send 4 to `messages` (len 3)",
    ]);
    expect(filterEvents(model, { ...INITIAL_FILTERS, search: "consumer" }).length).toBeGreaterThan(0);
  });

  it("find an event by its number, as the list, the toolbar and explain --at say it", () => {
    const rows = [...filterEvents(model, { ...INITIAL_FILTERS, search: "#7 " })];
    expect(rows).toEqual([7]);
  });

  it("combine: a goroutine's channel operations", () => {
    const rows = filterEvents(model, { ...INITIAL_FILTERS, goroutine: goroutineId(1), kinds: "channel" });
    expect(kinds(model, rows)).toEqual(["make", "send", "send", "send", "send"]);
  });

  it("find the row of the playhead's event, or the one before it", () => {
    const rows = Int32Array.from([2, 5, 9]);
    expect(rowAtOrBefore(rows, 5)).toBe(1);
    expect(rowAtOrBefore(rows, 7)).toBe(1);
    expect(rowAtOrBefore(rows, 1)).toBe(-1);
    expect(rowAtOrBefore(rows, 40)).toBe(2);
  });
});

describe("navigation", () => {
  it("counts a select with a case on the channel as an event on it", () => {
    const t = trace()
      .main()
      .make(1, 1, 0, "a")
      .make(1, 2, 0, "b")
      .select(
        1,
        [
          { ch: 2, dir: "recv" },
          { ch: 1, dir: "send" },
        ],
        [1],
        1,
      );
    const m = buildModel(t.events);
    expect(m.isEventOn(eventIndex(4), channelId(1))).toBe(true);
    expect(m.isEventOn(eventIndex(4), channelId(3))).toBe(false);
  });

  it("steps within a scope and says when there is no further event", () => {
    const m = bufferedModel();
    expect(nextEventInScope(m, eventIndex(4), 1, { kind: "goroutine", g: goroutineId(2) })).toBe(8);
    expect(nextEventInScope(m, eventIndex(8), -1, { kind: "goroutine", g: goroutineId(2) })).toBe(3);
    expect(nextEventInScope(m, eventIndex(3), -1, { kind: "goroutine", g: goroutineId(2) })).toBeUndefined();
  });

  it("takes the scope from what is selected", () => {
    const m = circularDeadlockModel();
    expect(scopeOfSelection(m, { kind: "span", g: goroutineId(3), span: 0 })).toEqual({ kind: "goroutine", g: 3 });
    expect(scopeOfSelection(m, { kind: "flow", flow: 0 })).toEqual({ kind: "channel", ch: 2 });
    expect(scopeOfSelection(m, { kind: "event", index: eventIndex(0) })).toBeUndefined();
    expect(scopeOfSelection(m, undefined)).toBeUndefined();
  });
});

describe("event descriptions", () => {
  it("read as what happened", () => {
    const m = circularDeadlockModel();
    const texts = [...Array(m.length).keys()].map((i) => eventPhrase(m.event(eventIndex(i)), m));
    expect(texts).toContain('send "hi bob" to `b` → G3 bob');
    expect(texts).toContain('receive "hi bob" from `b` ← G2 alice');
    expect(texts).toContain("waiting to receive from `a`");
    expect(texts).toContain("fatal error: all goroutines are asleep - deadlock!");
  });

  it("parse source locations with or without a column", () => {
    expect(parseLoc("samples/x.ts:12")).toEqual({ file: "samples/x.ts", line: 12 });
    expect(parseLoc("C:/p/x.ts:3:9")).toEqual({ file: "C:/p/x.ts", line: 3 });
    expect(parseLoc("nowhere")).toBeUndefined();
    expect(parseLoc(undefined)).toBeUndefined();
  });
});
