// The renderer's reducer: a pure function of (state, action). Only the UI half
// is drafted with immer; the trace model is swapped by reference (DESIGN §5).
// Actions that change the model are the trace and run events; every other
// action reads the current model to do its arithmetic (steps, windows).

import { produce, type Draft } from "immer";
import { assertNever, eventIndex, type EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { ProgramProblem } from "../../main/contract/hostApi";
import { formatBytes } from "../../traces/vocabulary/index";
import type { AxisMode, TimeWindow } from "../timeline/contract";
import { axisValueOfEvent, eventAtAxisValue, timeWindow } from "../timeline/axisScale";
import { clampWindow, ensureVisible, fitWindow, MIN_WINDOW_WIDTH, panWindow, zoomWindow } from "../timeline/viewport";
import { openingAxis } from "../timeline/timeAxis";
import type { UiAction } from "./actions";
import { nextEventInScope, scopeOfSelection } from "./navigation";
import { openingOfProgress } from "./opening";
import { INITIAL_FILTERS, type AppState, type Notice, type TraceOrigin, type UiState } from "./uiState";

const ZOOM_STEP = 2;
const PAN_STEP = 0.25;
/** A tick longer than this (a background tab) does not fast-forward playback. */
const MAX_TICK_MS = 250;

export function uiReducer(state: AppState, action: UiAction): AppState {
  const model = modelAfter(state, action);
  const ui = produce(state.ui, (d) => {
    reduceUi(d, action, model, state.model);
  });
  return ui === state.ui && model === state.model ? state : { model, ui };
}

/** The model after the action: only trace and run events replace it. */
function modelAfter(state: AppState, action: UiAction): TraceModel | undefined {
  switch (action.type) {
    case "trace/opened":
      return action.model;
    case "run/progressed":
      return isShowingRun(state.ui, action.runId) || isAdoptingRun(state.ui, action.runId) ? action.model : state.model;
    case "run/ended":
      if (action.model === undefined || action.model.length === 0) return state.model;
      return isShowingRun(state.ui, action.ended.runId) || isAdoptingRun(state.ui, action.ended.runId) ? action.model : state.model;
    case "trace/openFailed":
    case "trace/openCancelled":
    case "trace/readProgressed":
    case "trace/buildProgressed":
    case "run/requested":
    case "run/startFailed":
    case "run/started":
    case "run/stopRequested":
    case "trace/saved":
    case "trace/saveFailed":
    case "playhead/moved":
    case "playhead/stepped":
    case "playhead/jumpedToStart":
    case "playhead/jumpedToEnd":
    case "playhead/jumpedToEndState":
    case "event/activated":
    case "selection/changed":
    case "playback/toggled":
    case "playback/ticked":
    case "playback/speedChanged":
    case "viewport/changed":
    case "viewport/zoomed":
    case "viewport/panned":
    case "viewport/fitted":
    case "viewport/axisChanged":
    case "viewport/followLiveChanged":
    case "filters/goroutineChanged":
    case "filters/channelChanged":
    case "filters/kindsChanged":
    case "filters/searchChanged":
    case "filters/cleared":
    case "search/focusRequested":
    case "panel/toggled":
    case "overlay/shown":
    case "program/previewed":
    case "program/previewClosed":
    case "banner/collapsedChanged":
    case "listTab/chosen":
    case "settings/seedChanged":
    case "settings/strategyChanged":
    case "notice/raised":
    case "notice/dismissed":
    case "host/identified":
    case "samples/listed":
    case "host/unavailable":
      return state.model;
  }
}

/** The document shows this live run. */
const isShowingRun = (ui: UiState, runId: number): boolean => ui.document.kind === "trace" && ui.document.liveRunId === runId;
/** The run has started but has shown nothing yet: its first events replace what is on screen. */
const isAdoptingRun = (ui: UiState, runId: number): boolean =>
  ui.run.kind === "running" && ui.run.runId === runId && !isShowingRun(ui, runId);

function reduceUi(d: Draft<UiState>, action: UiAction, model: TraceModel | undefined, before: TraceModel | undefined): void {
  switch (action.type) {
    case "trace/opened": {
      const t = action.trace;
      const origin: TraceOrigin = { kind: "file", name: t.name, path: t.path };
      d.opening = undefined;
      d.document = { kind: "trace", origin, program: action.program, liveRunId: undefined, warnings: [...t.warnings] };
      // A run still going (or starting) is no longer shown: its later events and ending must not replace the file.
      if (d.run.kind === "running" || d.run.kind === "starting") d.run = { kind: "idle" };
      showNewTrace(d, action.model, openingAxis(action.model, d.viewport.chosenAxis));
      if (t.warnings.length > 0) {
        raise(d, { level: "warning", title: `Opened ${t.name} with warnings`, message: t.warnings.join("\n"), file: t.name });
      }
      if (!t.ended) {
        raise(d, {
          level: "info",
          title: "The trace has no end event",
          message: "It was cut off (or saved while its run was going): everything up to its last whole line is shown.",
          file: t.name,
        });
      }
      return;
    }
    case "trace/openFailed": {
      d.opening = undefined;
      const p = action.problem;
      raise(d, {
        level: "error",
        title: `Could not open ${p.file}`,
        message: p.message,
        file: p.file,
        ...(p.line === undefined ? {} : { line: p.line }),
      });
      return;
    }
    case "trace/openCancelled":
      d.opening = undefined;
      return;
    case "trace/readProgressed":
      d.opening = openingOfProgress(action.progress);
      return;
    case "trace/buildProgressed": {
      const { name, bytesRead, totalBytes } = action;
      d.opening =
        bytesRead === undefined || totalBytes === undefined
          ? { name, phase: "building" }
          : { name, phase: "building", bytesRead, totalBytes };
      return;
    }
    case "run/requested":
      // A run replaces whatever was being opened, and answers a program waiting to be run.
      d.opening = undefined;
      d.programPreview = undefined;
      d.run = { kind: "starting", program: action.program, origin: action.origin };
      return;
    case "run/startFailed":
      d.run = { kind: "idle" };
      raise(d, { level: "error", title: "The program did not start", message: action.message });
      return;
    case "run/started":
      if (d.run.kind !== "starting") return;
      d.run = { kind: "running", runId: action.runId, program: d.run.program, origin: d.run.origin };
      return;
    case "run/progressed": {
      if (model === undefined || model === before) return;
      if (d.run.kind === "running" && d.run.runId === action.runId && !isShowingRun(d, action.runId)) {
        d.document = { kind: "trace", origin: d.run.origin, program: d.run.program, liveRunId: action.runId, warnings: [] };
        showNewTrace(d, model, d.viewport.chosenAxis);
        d.viewport.followLive = true;
      }
      followLiveEnd(d, model);
      return;
    }
    case "run/ended": {
      const e = action.ended;
      const current = (d.run.kind === "running" || d.run.kind === "ended") && d.run.runId === e.runId;
      if (!current) return;
      const adopting = isAdoptingRun(d, e.runId) && model !== before;
      const origin = d.run.kind === "running" ? d.run.origin : undefined;
      const program = d.run.kind === "running" ? d.run.program : undefined;
      d.run = { kind: "ended", runId: e.runId, outcome: e.outcome, message: e.message };
      if (adopting && model !== undefined && origin !== undefined) {
        d.document = { kind: "trace", origin, program, liveRunId: undefined, warnings: [] };
        showNewTrace(d, model, openingAxis(model, d.viewport.chosenAxis));
      } else if (d.document.kind === "trace" && d.document.liveRunId === e.runId) {
        d.document.liveRunId = undefined;
        // The run is whole now: one that took no time is shown as it would open.
        if (model !== undefined) showOnAxis(d, model, openingAxis(model, d.viewport.chosenAxis));
        if (model !== undefined && d.viewport.followLive) {
          d.viewport.window = fitWindow(model, d.viewport.axis);
          d.playhead = eventIndex(model.length - 1);
        }
      }
      if (e.outcome === "failed") {
        const p = e.problem;
        const typeErrors = e.typeErrors ?? [];
        raise(d, {
          level: "error",
          title:
            typeErrors.length > 0
              ? `The program does not type-check (${typeErrors.length === 1 ? "1 error" : `${typeErrors.length} errors`}), so it did not run`
              : e.eventCount === 0
                ? p?.line !== undefined && /\.go$/i.test(p.file)
                  ? "The Go program does not compile, so it did not run"
                  : "The program failed to load"
                : "The run failed",
          message: typeErrors.length > 0 ? typeErrorLines(typeErrors) : (p?.message ?? e.message),
          ...(p === undefined ? {} : { file: p.file }),
          ...(p?.line === undefined ? {} : { line: p.line }),
          ...(p?.column === undefined ? {} : { column: p.column }),
        });
      } else if (e.outcome === "stopped") {
        raise(d, {
          level: "warning",
          title: "The run was stopped",
          message: `${e.message}${e.eventCount > 0 ? ` — the ${e.eventCount} events recorded until then are kept.` : ""}`,
        });
      }
      return;
    }
    case "run/stopRequested":
      return;
    case "trace/saved":
      raise(d, {
        level: "info",
        title: action.as === "perfetto" ? "Exported for Perfetto" : "Trace saved",
        message: `${action.name} (${formatBytes(action.bytes)})`,
      });
      return;
    case "trace/saveFailed":
      raise(d, { level: "error", title: "Could not save the trace", message: action.message });
      return;

    case "playhead/moved":
      if (model === undefined) return;
      movePlayhead(d, model, action.index);
      return;
    case "playhead/stepped": {
      if (model === undefined) return;
      const scope = action.scope === "selection" ? scopeOfSelection(model, d.selection) : undefined;
      const to = nextEventInScope(model, d.playhead, action.direction, scope);
      if (to !== undefined) movePlayhead(d, model, to);
      else if (action.direction === -1 && scope === undefined) movePlayhead(d, model, -1);
      return;
    }
    case "playhead/jumpedToStart":
      if (model !== undefined) movePlayhead(d, model, -1);
      return;
    case "playhead/jumpedToEnd":
      if (model !== undefined) movePlayhead(d, model, model.length - 1);
      return;
    case "playhead/jumpedToEndState": {
      if (model === undefined) return;
      const at = endStateEvent(model);
      if (at === undefined) return;
      movePlayhead(d, model, at);
      d.selection = { kind: "event", index: at };
      return;
    }
    case "event/activated":
      if (model === undefined || action.index < 0 || action.index >= model.length) return;
      movePlayhead(d, model, action.index);
      d.selection = { kind: "event", index: action.index };
      return;
    case "selection/changed":
      d.selection = action.selection === undefined ? undefined : action.selection;
      return;

    case "playback/toggled":
      if (model === undefined || model.length === 0) return;
      if (d.playback.kind === "playing") {
        d.playback = { kind: "paused" };
        return;
      }
      // Play from the start when the playhead is at the end: what a person pressing play there means.
      if (d.playhead >= model.length - 1) movePlayhead(d, model, -1);
      d.playback = { kind: "playing", carry: 0 };
      return;
    case "playback/ticked": {
      if (d.playback.kind !== "playing" || model === undefined) return;
      const owed = d.playback.carry + (Math.min(Math.max(action.elapsedMs, 0), MAX_TICK_MS) * d.speed) / 1000;
      const steps = Math.floor(owed);
      d.playback.carry = owed - steps;
      if (steps === 0) return;
      const to = Math.min(d.playhead + steps, model.length - 1);
      movePlayhead(d, model, to);
      if (to >= model.length - 1 && d.document.kind === "trace" && d.document.liveRunId === undefined) {
        d.playback = { kind: "paused" };
      }
      return;
    }
    case "playback/speedChanged":
      if (action.eventsPerSecond > 0 && Number.isFinite(action.eventsPerSecond)) d.speed = action.eventsPerSecond;
      return;

    case "viewport/changed":
      d.viewport.window = { start: action.window.start, end: action.window.end };
      d.viewport.followLive = false;
      return;
    case "viewport/zoomed": {
      if (model === undefined) return;
      const w = d.viewport.window;
      const x = axisValueOfEvent(model, d.viewport.axis, Math.max(d.playhead, 0));
      const anchor = x >= w.start && x <= w.end ? x : (w.start + w.end) / 2;
      const zoomed = zoomWindow(w, action.direction === "in" ? ZOOM_STEP : 1 / ZOOM_STEP, anchor);
      setWindow(d, model, zoomed);
      d.viewport.followLive = false;
      return;
    }
    case "viewport/panned": {
      if (model === undefined) return;
      const w = d.viewport.window;
      setWindow(d, model, panWindow(w, action.direction * PAN_STEP * (w.end - w.start)));
      d.viewport.followLive = false;
      return;
    }
    case "viewport/fitted":
      if (model === undefined) return;
      d.viewport.window = fitWindow(model, d.viewport.axis);
      return;
    case "viewport/axisChanged":
      d.viewport.chosenAxis = action.axis;
      if (model !== undefined) showOnAxis(d, model, action.axis);
      else d.viewport.axis = action.axis;
      return;
    case "viewport/followLiveChanged":
      d.viewport.followLive = action.follow;
      if (action.follow && model !== undefined) followLiveEnd(d, model);
      return;

    case "filters/goroutineChanged":
      d.filters.goroutine = action.goroutine;
      return;
    case "filters/channelChanged":
      d.filters.channel = action.channel;
      return;
    case "filters/kindsChanged":
      d.filters.kinds = action.kinds;
      return;
    case "filters/searchChanged":
      d.filters.search = action.search;
      return;
    case "filters/cleared":
      d.filters = { ...INITIAL_FILTERS };
      return;
    case "search/focusRequested":
      d.panels.events = true;
      d.panels.listTab = "events";
      d.searchFocusRequest += 1;
      return;

    case "panel/toggled":
      d.panels[action.panel] = !d.panels[action.panel];
      return;
    case "overlay/shown":
      d.panels.overlay = action.overlay;
      return;
    case "program/previewed":
      d.programPreview = action.preview;
      return;
    case "program/previewClosed":
      d.programPreview = undefined;
      return;
    case "banner/collapsedChanged":
      d.panels.bannerCollapsed = action.collapsed;
      return;
    case "listTab/chosen":
      d.panels.listTab = action.tab;
      // Showing it: a list that was toggled off comes back.
      d.panels.events = true;
      return;
    case "settings/seedChanged":
      if (Number.isInteger(action.seed) && action.seed >= 0) d.settings.seed = action.seed;
      return;
    case "settings/strategyChanged":
      d.settings.strategy = action.strategy;
      return;
    case "notice/raised":
      raise(d, action.notice);
      return;
    case "notice/dismissed":
      d.notices = d.notices.filter((n) => n.id !== action.id);
      return;
    case "host/identified":
      d.host.kind = action.kind;
      return;
    case "samples/listed":
      d.host.samples = [...action.samples];
      return;
    case "host/unavailable":
      raise(d, { level: "error", title: "No host", message: action.message });
      return;
    default:
      assertNever(action, "action");
  }
}

/** A trace replaced what was shown: whole trace in view on `axis`, playhead on the final state, nothing selected. */
function showNewTrace(d: Draft<UiState>, model: TraceModel, axis: AxisMode): void {
  d.viewport.axis = axis;
  d.viewport.window = fitWindow(model, axis);
  d.viewport.followLive = false;
  d.playhead = eventIndex(model.length - 1);
  d.selection = undefined;
  d.filters = { ...INITIAL_FILTERS };
  d.playback = { kind: "paused" };
  d.panels.bannerCollapsed = false;
}

/** While live and following: the whole run so far in view and the playhead on its newest event. */
function followLiveEnd(d: Draft<UiState>, model: TraceModel): void {
  if (!d.viewport.followLive) return;
  d.viewport.window = fitWindow(model, d.viewport.axis);
  if (d.playback.kind !== "playing") d.playhead = eventIndex(model.length - 1);
}

function movePlayhead(d: Draft<UiState>, model: TraceModel, index: number): void {
  const to = eventIndex(Math.min(Math.max(Math.trunc(index), -1), model.length - 1));
  d.playhead = to;
  // A person who moves the playhead during a live run wants it to stay put.
  if (d.document.kind === "trace" && d.document.liveRunId !== undefined) d.viewport.followLive = false;
  if (to >= 0) {
    const x = axisValueOfEvent(model, d.viewport.axis, to);
    const w = d.viewport.window;
    const moved = ensureVisible(w, d.viewport.axis === "sequence" ? x + 0.5 : x);
    if (moved !== w) setWindow(d, model, moved);
  }
}

function setWindow(d: Draft<UiState>, model: TraceModel, w: TimeWindow): void {
  const axis = d.viewport.axis;
  d.viewport.window = clampWindow(w, fitWindow(model, axis), MIN_WINDOW_WIDTH[axis]);
}

/** Switches the axis, keeping the same events in view. */
function showOnAxis(d: Draft<UiState>, model: TraceModel, to: AxisMode): void {
  const from = d.viewport.axis;
  if (from === to) return;
  d.viewport.axis = to;
  d.viewport.window = windowOnNewAxis(model, from, to, d.viewport.window);
}

/** On switching axis: the same events stay in view. */
function windowOnNewAxis(model: TraceModel, from: AxisMode, to: AxisMode, w: TimeWindow): TimeWindow {
  if (model.length === 0) return fitWindow(model, to);
  const first = Math.max(eventAtAxisValue(model, from, w.start), 0);
  const last = Math.max(eventAtAxisValue(model, from, w.end), first);
  const start = axisValueOfEvent(model, to, first);
  const end = axisValueOfEvent(model, to, last) + (to === "sequence" ? 1 : 0);
  return clampWindow(timeWindow(start, Math.max(end, start + MIN_WINDOW_WIDTH[to])), fitWindow(model, to), MIN_WINDOW_WIDTH[to]);
}

/** The event "jump to end state" goes to: the deadlock, the last panic, or the first leak. */
export function endStateEvent(model: TraceModel): EventIndex | undefined {
  const e = model.ending;
  if (e.deadlock !== undefined) return e.deadlock.index;
  const panic = e.panics.at(-1);
  if (panic !== undefined) return panic.index;
  const leak = e.leaks[0];
  if (leak !== undefined) return leak.index;
  return undefined;
}

function raise(d: Draft<UiState>, notice: Omit<Notice, "id">): void {
  const id = d.nextNoticeId++;
  // The newest first; a few at most, so a storm of failures cannot bury the window.
  d.notices = [{ ...notice, id }, ...d.notices].slice(0, 5);
}

/** The first type errors, a line each as `LINE:COL: message` (the notice names the file). */
function typeErrorLines(errors: readonly ProgramProblem[]): string {
  const SHOWN = 5;
  const lines = errors.slice(0, SHOWN).map((e) => `${e.line ?? "?"}:${e.column ?? "?"}: ${e.message}`);
  if (errors.length > SHOWN) lines.push(`… and ${errors.length - SHOWN} more`);
  return lines.join("\n");
}
