import { describe, expect, it } from "vitest";
import type { OpenedTrace, RunEnded } from "../../main/contract/hostApi";
import { channelId, eventIndex, goroutineId, type TraceEvent } from "../../traces/events";
import { buildModel, type TraceModel } from "../../traces/model/index";
import type { UiAction } from "./actions";
import {
  bufferedEvents,
  bufferedModel,
  circularDeadlockModel,
  instantDeadlockEvents,
  instantDeadlockModel,
  prefixModel,
} from "../testing/fixtureTraces";
import { fixtureHeader } from "../../traces/testing/traceBuilder";
import { INITIAL_STATE, type AppState } from "./uiState";
import { endStateEvent, uiReducer } from "./uiReducer";
import { timeWindow } from "../timeline/axisScale";

const HEADER = fixtureHeader({ program: { name: "test" } });

function openedTrace(model: TraceModel, name = "run.trace.jsonl", warnings: readonly string[] = []): OpenedTrace {
  return { name, header: HEADER, content: { kind: "events", events: [] }, warnings, ended: model.complete };
}

const reduce = (state: AppState, ...actions: readonly UiAction[]): AppState => actions.reduce(uiReducer, state);
const open = (model: TraceModel, state: AppState = INITIAL_STATE): AppState =>
  uiReducer(state, { type: "trace/opened", model, trace: openedTrace(model), program: undefined });

const ended = (runId: number, outcome: RunEnded["outcome"], eventCount: number, extra: Partial<RunEnded> = {}): RunEnded => ({
  runId,
  outcome,
  message: `run ${outcome}`,
  cutOff: outcome === "stopped",
  eventCount,
  ...extra,
});

describe("opening a trace", () => {
  it("shows its final state with the whole trace in view and nothing selected", () => {
    const model = bufferedModel();
    const s = open(model);
    expect(s.model).toBe(model);
    expect(s.ui.playhead).toBe(model.length - 1);
    expect(s.ui.viewport.window).toEqual({ start: 0, end: model.length });
    expect(s.ui.selection).toBeUndefined();
    expect(s.ui.document).toMatchObject({ kind: "trace", origin: { kind: "file", name: "run.trace.jsonl" } });
  });

  it("keeps the model by reference and never copies it", () => {
    const model = circularDeadlockModel();
    const s = reduce(open(model), { type: "playhead/stepped", direction: -1, scope: "all" });
    expect(s.model).toBe(model);
    expect(Object.isFrozen(s.model)).toBe(true);
  });

  it("keeps what was open when a file fails, and names the file and line", () => {
    const model = bufferedModel();
    const before = open(model);
    const s = uiReducer(before, { type: "trace/openFailed", problem: { file: "bad.jsonl", line: 3, message: "not JSON" } });
    expect(s.model).toBe(model);
    expect(s.ui.document).toBe(before.ui.document);
    expect(s.ui.notices[0]).toMatchObject({ level: "error", file: "bad.jsonl", line: 3, message: "not JSON" });
  });

  it("says so when the trace has no end event", () => {
    const model = prefixModel(bufferedEvents(), 6);
    const s = open(model);
    expect(s.ui.notices.map((n) => n.title)).toContain("The trace has no end event");
  });
});

describe("the status of an open", () => {
  const reading = (bytesRead: number): UiAction => ({
    type: "trace/readProgressed",
    progress: { name: "big.jsonl", bytesRead, totalBytes: 1000 },
  });

  it("follows the host's reading, then the window's building, and ends once the trace is shown", () => {
    const s1 = reduce(INITIAL_STATE, reading(450));
    expect(s1.ui.opening).toEqual({ name: "big.jsonl", phase: "reading", bytesRead: 450, totalBytes: 1000 });
    const s2 = reduce(s1, reading(1000));
    expect(s2.ui.opening).toEqual({ name: "big.jsonl", phase: "building" });
    const s3 = uiReducer(s2, { type: "trace/buildProgressed", name: "big.jsonl", bytesRead: 800, totalBytes: 1000 });
    expect(s3.ui.opening).toEqual({ name: "big.jsonl", phase: "building", bytesRead: 800, totalBytes: 1000 });
    expect(open(bufferedModel(), s3).ui.opening).toBeUndefined();
  });

  it("ends when the open fails or is cancelled, or a run is requested instead", () => {
    const s = reduce(INITIAL_STATE, reading(10));
    expect(uiReducer(s, { type: "trace/openFailed", problem: { file: "big.jsonl", message: "no" } }).ui.opening).toBeUndefined();
    expect(uiReducer(s, { type: "trace/openCancelled" }).ui.opening).toBeUndefined();
    const run = uiReducer(s, {
      type: "run/requested",
      program: { kind: "sample", id: "pool" },
      origin: { kind: "sample", id: "pool", title: "Pool" },
    });
    expect(run.ui.opening).toBeUndefined();
  });
});

describe("the host", () => {
  it("is known by its kind and its samples once it has said them", () => {
    expect(INITIAL_STATE.ui.host).toEqual({ kind: undefined, samples: [] });
    const sample = { id: "pool", title: "Pool", pattern: "", lookFor: "", ending: "ok", file: "samples/pool.ts", source: "" } as const;
    const s = reduce(INITIAL_STATE, { type: "host/identified", kind: "web" }, { type: "samples/listed", samples: [sample] });
    expect(s.ui.host).toEqual({ kind: "web", samples: [sample] });
  });
});

describe("stepping", () => {
  it("moves the playhead one event forward and back", () => {
    const s0 = reduce(open(bufferedModel()), { type: "playhead/moved", index: eventIndex(5) });
    const s1 = uiReducer(s0, { type: "playhead/stepped", direction: 1, scope: "all" });
    expect(s1.ui.playhead).toBe(6);
    const s2 = uiReducer(s1, { type: "playhead/stepped", direction: -1, scope: "all" });
    expect(s2.ui.playhead).toBe(5);
  });

  it("goes before the first event when stepping back from it, and no further", () => {
    const s = reduce(
      open(bufferedModel()),
      { type: "playhead/moved", index: eventIndex(0) },
      { type: "playhead/stepped", direction: -1, scope: "all" },
      { type: "playhead/stepped", direction: -1, scope: "all" },
    );
    expect(s.ui.playhead).toBe(-1);
  });

  it("stops at the last event", () => {
    const model = bufferedModel();
    const s = reduce(open(model), { type: "playhead/stepped", direction: 1, scope: "all" });
    expect(s.ui.playhead).toBe(model.length - 1);
  });

  it("within a selected goroutine skips the other goroutines' events", () => {
    const model = bufferedModel();
    const s = reduce(
      open(model),
      { type: "playhead/moved", index: eventIndex(4) },
      { type: "selection/changed", selection: { kind: "goroutine", g: goroutineId(2) } },
      { type: "playhead/stepped", direction: 1, scope: "selection" },
    );
    expect(s.ui.playhead).toBe(8);
    expect(model.event(eventIndex(8))).toMatchObject({ kind: "run", g: 2 });
  });

  it("within a selected channel visits only its operations", () => {
    const model = bufferedModel();
    let s = reduce(
      open(model),
      { type: "playhead/moved", index: eventIndex(6) },
      { type: "selection/changed", selection: { kind: "channel", ch: channelId(1) } },
    );
    const visited: string[] = [];
    for (let k = 0; k < 3; k++) {
      s = uiReducer(s, { type: "playhead/stepped", direction: 1, scope: "selection" });
      visited.push(model.event(s.ui.playhead).kind);
    }
    expect(visited).toEqual(["block", "recv", "send"]);
  });

  it("within a selected event's goroutine uses that goroutine", () => {
    const model = bufferedModel();
    const s = reduce(
      open(model),
      { type: "event/activated", index: eventIndex(9) },
      { type: "playhead/stepped", direction: -1, scope: "selection" },
    );
    expect(model.event(eventIndex(9)).g).toBe(2);
    expect(s.ui.playhead).toBe(8);
    expect(s.ui.selection).toEqual({ kind: "event", index: 9 });
  });
});

describe("activating an event", () => {
  it("moves the playhead there, selects it and brings it into view", () => {
    const model = bufferedModel();
    const zoomed = reduce(open(model), { type: "viewport/changed", window: timeWindow(0, 4) });
    const s = uiReducer(zoomed, { type: "event/activated", index: eventIndex(12) });
    expect(s.ui.playhead).toBe(12);
    expect(s.ui.selection).toEqual({ kind: "event", index: 12 });
    expect(s.ui.viewport.window.start).toBeLessThanOrEqual(12);
    expect(s.ui.viewport.window.end).toBeGreaterThan(12);
    expect(s.ui.viewport.window.end - s.ui.viewport.window.start).toBe(4);
  });

  it("ignores an index outside the trace", () => {
    const before = open(bufferedModel());
    expect(uiReducer(before, { type: "event/activated", index: eventIndex(999) })).toBe(before);
  });
});

describe("playback", () => {
  it("advances the playhead at the chosen speed", () => {
    const s = reduce(
      open(bufferedModel()),
      { type: "playhead/jumpedToStart" },
      { type: "playback/speedChanged", eventsPerSecond: 10 },
      { type: "playback/toggled" },
      { type: "playback/ticked", elapsedMs: 200 },
    );
    expect(s.ui.playback.kind).toBe("playing");
    expect(s.ui.playhead).toBe(1);
  });

  it("carries a fraction of an event over to the next tick", () => {
    const s = reduce(
      open(bufferedModel()),
      { type: "playhead/jumpedToStart" },
      { type: "playback/speedChanged", eventsPerSecond: 1 },
      { type: "playback/toggled" },
      { type: "playback/ticked", elapsedMs: 200 },
      { type: "playback/ticked", elapsedMs: 200 },
      { type: "playback/ticked", elapsedMs: 200 },
      { type: "playback/ticked", elapsedMs: 200 },
    );
    expect(s.ui.playhead).toBe(-1);
    expect(uiReducer(s, { type: "playback/ticked", elapsedMs: 200 }).ui.playhead).toBe(0);
  });

  it("pauses at the end of the trace", () => {
    const model = bufferedModel();
    let s = reduce(open(model), { type: "playhead/moved", index: eventIndex(model.length - 3) }, { type: "playback/toggled" });
    for (let k = 0; k < 20; k++) s = uiReducer(s, { type: "playback/ticked", elapsedMs: 100 });
    expect(s.ui.playhead).toBe(model.length - 1);
    expect(s.ui.playback.kind).toBe("paused");
  });

  it("plays from the start when play is pressed at the end", () => {
    const s = reduce(open(bufferedModel()), { type: "playback/toggled" });
    expect(s.ui.playhead).toBe(-1);
    expect(s.ui.playback.kind).toBe("playing");
  });

  it("ignores ticks while paused", () => {
    const before = reduce(open(bufferedModel()), { type: "playhead/jumpedToStart" });
    expect(uiReducer(before, { type: "playback/ticked", elapsedMs: 1000 })).toBe(before);
  });
});

describe("the viewport", () => {
  it("zooms in around the playhead and out again", () => {
    const model = bufferedModel();
    const s0 = reduce(open(model), { type: "playhead/moved", index: eventIndex(8) });
    const zoomed = uiReducer(s0, { type: "viewport/zoomed", direction: "in" });
    const w = zoomed.ui.viewport.window;
    expect(w.end - w.start).toBe(model.length / 2);
    expect(w.start).toBeLessThanOrEqual(8);
    expect(w.end).toBeGreaterThan(8);
    const back = uiReducer(zoomed, { type: "viewport/zoomed", direction: "out" });
    expect(back.ui.viewport.window).toEqual({ start: 0, end: model.length });
  });

  it("pans by a quarter of the window and stops at the trace's end", () => {
    const model = bufferedModel();
    const s0 = reduce(open(model), { type: "viewport/changed", window: timeWindow(0, 8) });
    const s1 = uiReducer(s0, { type: "viewport/panned", direction: 1 });
    expect(s1.ui.viewport.window).toEqual({ start: 2, end: 10 });
    let s = s1;
    for (let k = 0; k < 10; k++) s = uiReducer(s, { type: "viewport/panned", direction: 1 });
    expect(s.ui.viewport.window).toEqual({ start: model.length - 8, end: model.length });
  });

  it("fits the whole trace", () => {
    const model = bufferedModel();
    const s = reduce(open(model), { type: "viewport/changed", window: timeWindow(3, 7) }, { type: "viewport/fitted" });
    expect(s.ui.viewport.window).toEqual({ start: 0, end: model.length });
  });

  it("keeps the same events in view when the axis changes to time", () => {
    const model = bufferedModel();
    const s = reduce(open(model), { type: "viewport/changed", window: timeWindow(4, 10) }, { type: "viewport/axisChanged", axis: "time" });
    expect(s.ui.viewport.axis).toBe("time");
    expect(s.ui.viewport.window.start).toBe(model.time(eventIndex(4)));
    expect(s.ui.viewport.window.end).toBe(model.time(eventIndex(10)));
  });
});

describe("a run that took no time", () => {
  const byTime = (state: AppState = INITIAL_STATE): AppState => uiReducer(state, { type: "viewport/axisChanged", axis: "time" });

  it("opens by event even when by time was chosen, with all its events in view", () => {
    const model = instantDeadlockModel();
    const s = open(model, byTime());
    expect(s.ui.viewport.axis).toBe("sequence");
    expect(s.ui.viewport.window).toEqual({ start: 0, end: model.length });
  });

  it("still goes by time when the user asks, and the next trace opens by time again", () => {
    const s = byTime(open(instantDeadlockModel(), byTime()));
    expect(s.ui.viewport.axis).toBe("time");
    const next = open(bufferedModel(), open(instantDeadlockModel(), s));
    expect(next.ui.viewport.axis).toBe("time");
  });

  it("ends by event when it ran live by time", () => {
    const program = { kind: "sample", id: "deadlock-circular" } as const;
    const origin = { kind: "sample", id: "deadlock-circular", title: "Deadlock: circular wait" } as const;
    const model = instantDeadlockModel();
    const live = reduce(
      byTime(),
      { type: "run/requested", program, origin },
      { type: "run/started", runId: 9 },
      { type: "run/progressed", runId: 9, model: buildModel(instantDeadlockEvents().slice(0, 6)) },
    );
    // While it runs its clock may yet move: the chosen axis stays.
    expect(live.ui.viewport.axis).toBe("time");
    const s = uiReducer(live, { type: "run/ended", ended: ended(9, "deadlock", model.length), model });
    expect(s.ui.viewport.axis).toBe("sequence");
    expect(s.ui.viewport.window).toEqual({ start: 0, end: model.length });
    expect(s.ui.viewport.chosenAxis).toBe("time");
  });
});

describe("live runs", () => {
  const program = { kind: "sample", id: "buffered-channel" } as const;
  const origin = { kind: "sample", id: "buffered-channel", title: "Buffered channel" } as const;
  const events: readonly TraceEvent[] = bufferedEvents();

  it("keep the open trace on screen until their first events arrive", () => {
    const old = circularDeadlockModel();
    const s = reduce(open(old), { type: "run/requested", program, origin }, { type: "run/started", runId: 7 });
    expect(s.model).toBe(old);
    expect(s.ui.run).toMatchObject({ kind: "running", runId: 7 });
    const first = prefixModel(events, 4);
    const s2 = uiReducer(s, { type: "run/progressed", runId: 7, model: first });
    expect(s2.model).toBe(first);
    expect(s2.ui.document).toMatchObject({ kind: "trace", origin, liveRunId: 7, program });
  });

  it("follow the end of the trace until the user scrolls away", () => {
    const s1 = reduce(
      INITIAL_STATE,
      { type: "run/requested", program, origin },
      { type: "run/started", runId: 1 },
      { type: "run/progressed", runId: 1, model: prefixModel(events, 6) },
      { type: "run/progressed", runId: 1, model: prefixModel(events, 10) },
    );
    expect(s1.ui.playhead).toBe(9);
    expect(s1.ui.viewport.window).toEqual({ start: 0, end: 10 });
    const scrolled = uiReducer(s1, { type: "viewport/changed", window: timeWindow(1, 5) });
    const s2 = uiReducer(scrolled, { type: "run/progressed", runId: 1, model: prefixModel(events, 14) });
    expect(s2.ui.viewport.window).toEqual({ start: 1, end: 5 });
    expect(s2.ui.playhead).toBe(9);
    expect(s2.model?.length).toBe(14);
  });

  it("ignore batches of a run that is no longer current", () => {
    const s = reduce(
      INITIAL_STATE,
      { type: "run/requested", program, origin },
      { type: "run/started", runId: 2 },
      { type: "run/progressed", runId: 2, model: prefixModel(events, 5) },
    );
    const stale = uiReducer(s, { type: "run/progressed", runId: 1, model: prefixModel(events, 9) });
    expect(stale).toBe(s);
  });

  it("end with the whole trace in view and the document no longer live", () => {
    const model = bufferedModel();
    const s = reduce(
      INITIAL_STATE,
      { type: "run/requested", program, origin },
      { type: "run/started", runId: 3 },
      { type: "run/progressed", runId: 3, model: prefixModel(events, 5) },
      { type: "run/ended", ended: ended(3, "ok", model.length), model },
    );
    expect(s.model).toBe(model);
    expect(s.ui.document).toMatchObject({ kind: "trace", liveRunId: undefined });
    expect(s.ui.run).toMatchObject({ kind: "ended", outcome: "ok" });
    expect(s.ui.playhead).toBe(model.length - 1);
  });

  it("that fail to load keep the open trace and show the program's file and line", () => {
    const old = circularDeadlockModel();
    const s = reduce(
      open(old),
      { type: "run/requested", program: { kind: "file", path: "/home/me/mine.ts" }, origin: { kind: "program", name: "mine.ts" } },
      { type: "run/started", runId: 4 },
      {
        type: "run/ended",
        ended: ended(4, "failed", 0, { problem: { file: "mine.ts", line: 3, column: 7, message: "Unexpected token" } }),
        model: undefined,
      },
    );
    expect(s.model).toBe(old);
    expect(s.ui.document).toMatchObject({ origin: { kind: "file" } });
    expect(s.ui.notices[0]).toMatchObject({ level: "error", file: "mine.ts", line: 3, column: 7, message: "Unexpected token" });
  });

  it("of a Go program that does not compile say so, at the compiler's line and column", () => {
    const problem = { file: "prog.go", line: 6, column: 2, message: "count declared but not used" };
    const s = reduce(
      open(circularDeadlockModel()),
      { type: "run/requested", program: { kind: "file", path: "prog.go" }, origin: { kind: "program", name: "prog.go" } },
      { type: "run/started", runId: 4 },
      { type: "run/ended", ended: ended(4, "failed", 0, { problem }), model: undefined },
    );
    expect(s.ui.notices[0]).toMatchObject({ level: "error", title: "The Go program does not compile, so it did not run", ...problem });
  });

  it("refused by the type check keep the open trace and list the errors, each at its line and column", () => {
    const old = circularDeadlockModel();
    const errors = Array.from({ length: 7 }, (_, i) => ({ file: "mine.ts", line: i + 3, column: 5, message: `error ${i + 1}` }));
    const s = reduce(
      open(old),
      { type: "run/requested", program: { kind: "file", path: "/home/me/mine.ts" }, origin: { kind: "program", name: "mine.ts" } },
      { type: "run/started", runId: 4 },
      { type: "run/ended", ended: ended(4, "failed", 0, { problem: errors[0]!, typeErrors: errors }), model: undefined },
    );
    expect(s.model).toBe(old);
    expect(s.ui.notices[0]).toMatchObject({
      level: "error",
      title: "The program does not type-check (7 errors), so it did not run",
      file: "mine.ts",
      line: 3,
      column: 5,
      message: "3:5: error 1\n4:5: error 2\n5:5: error 3\n6:5: error 4\n7:5: error 5\n… and 2 more",
    });
  });

  it("that are stopped keep their events and say so", () => {
    const cut = prefixModel(events, 9);
    const s = reduce(
      INITIAL_STATE,
      { type: "run/requested", program, origin },
      { type: "run/started", runId: 5 },
      { type: "run/progressed", runId: 5, model: prefixModel(events, 5) },
      { type: "run/ended", ended: ended(5, "stopped", 9), model: cut },
    );
    expect(s.model).toBe(cut);
    expect(s.ui.notices[0]).toMatchObject({ level: "warning", title: "The run was stopped" });
    expect(s.ui.notices[0]?.message).toContain("9 events");
  });

  it("stop being shown when a trace file is opened meanwhile", () => {
    const file = circularDeadlockModel();
    const live = reduce(
      INITIAL_STATE,
      { type: "run/requested", program, origin },
      { type: "run/started", runId: 8 },
      { type: "run/progressed", runId: 8, model: prefixModel(events, 5) },
    );
    const opened = open(file, live);
    const s = reduce(
      opened,
      { type: "run/progressed", runId: 8, model: prefixModel(events, 9) },
      { type: "run/ended", ended: ended(8, "stopped", 9), model: prefixModel(events, 9) },
    );
    expect(s.model).toBe(file);
    expect(s.ui.document).toMatchObject({ origin: { kind: "file" }, liveRunId: undefined });
    expect(s.ui.notices.map((n) => n.title)).not.toContain("The run was stopped");
  });

  it("that fail to start raise an error and leave nothing running", () => {
    const s = reduce(INITIAL_STATE, { type: "run/requested", program, origin }, { type: "run/startFailed", message: "worker crashed" });
    expect(s.ui.run.kind).toBe("idle");
    expect(s.ui.notices[0]).toMatchObject({ level: "error", message: "worker crashed" });
  });
});

describe("the end state", () => {
  it("jumping to it puts the playhead on the deadlock and selects it", () => {
    const model = circularDeadlockModel();
    const s = reduce(open(model), { type: "playhead/jumpedToStart" }, { type: "playhead/jumpedToEndState" });
    expect(model.event(s.ui.playhead).kind).toBe("deadlock");
    expect(s.ui.selection).toEqual({ kind: "event", index: s.ui.playhead });
  });

  it("does not exist for a run that finished normally", () => {
    expect(endStateEvent(bufferedModel())).toBeUndefined();
  });
});

describe("filters, panels and notices", () => {
  it("set and clear the event filters", () => {
    const s = reduce(
      open(bufferedModel()),
      { type: "filters/goroutineChanged", goroutine: goroutineId(2) },
      { type: "filters/channelChanged", channel: channelId(1) },
      { type: "filters/kindsChanged", kinds: "channel" },
      { type: "filters/searchChanged", search: "recv" },
    );
    expect(s.ui.filters).toEqual({ goroutine: 2, channel: 1, kinds: "channel", search: "recv" });
    expect(uiReducer(s, { type: "filters/cleared" }).ui.filters).toEqual(INITIAL_STATE.ui.filters);
  });

  it("a new trace clears the filters and the selection", () => {
    const s = reduce(
      open(bufferedModel()),
      { type: "filters/goroutineChanged", goroutine: goroutineId(2) },
      { type: "selection/changed", selection: { kind: "channel", ch: channelId(1) } },
    );
    const next = open(circularDeadlockModel(), s);
    expect(next.ui.filters.goroutine).toBeUndefined();
    expect(next.ui.selection).toBeUndefined();
  });

  it("toggle panels", () => {
    const s = uiReducer(INITIAL_STATE, { type: "panel/toggled", panel: "source" });
    expect(s.ui.panels.source).toBe(false);
    expect(uiReducer(s, { type: "panel/toggled", panel: "source" }).ui.panels.source).toBe(true);
  });

  it("focusing the search opens the event list and asks its box for focus", () => {
    const s = reduce(INITIAL_STATE, { type: "panel/toggled", panel: "events" }, { type: "search/focusRequested" });
    expect(s.ui.panels.events).toBe(true);
    expect(s.ui.searchFocusRequest).toBe(1);
  });

  it("choosing the output tab shows the program's output in the event list's place, bringing it back if hidden", () => {
    const s = reduce(INITIAL_STATE, { type: "panel/toggled", panel: "events" }, { type: "listTab/chosen", tab: "output" });
    expect(s.ui.panels).toMatchObject({ events: true, listTab: "output" });
  });

  it("focusing the search goes back from the output to the events", () => {
    const s = reduce(INITIAL_STATE, { type: "listTab/chosen", tab: "output" }, { type: "search/focusRequested" });
    expect(s.ui.panels.listTab).toBe("events");
  });

  it("dismissing a notice removes only that notice", () => {
    const s = reduce(
      INITIAL_STATE,
      { type: "notice/raised", notice: { level: "info", title: "one", message: "" } },
      { type: "notice/raised", notice: { level: "info", title: "two", message: "" } },
    );
    const firstId = s.ui.notices.find((n) => n.title === "one")?.id as number;
    expect(uiReducer(s, { type: "notice/dismissed", id: firstId }).ui.notices.map((n) => n.title)).toEqual(["two"]);
  });

  it("rejects a negative or fractional seed", () => {
    const s = reduce(
      INITIAL_STATE,
      { type: "settings/seedChanged", seed: 42 },
      { type: "settings/seedChanged", seed: -1 },
      { type: "settings/seedChanged", seed: 1.5 },
    );
    expect(s.ui.settings.seed).toBe(42);
  });
});
