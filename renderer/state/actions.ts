// Actions are events — what happened, not what to do (DESIGN §5, Redux style
// guide) — named "area/pastTense". Actions that bring a new trace model carry
// it by reference; the reducer stores it beside the drafted UI state.

import type { HostInfo, OpenedTrace, OpenProgress, ProgramRef, RunEnded, SampleSummary, TraceProblem } from "../../main/contract/hostApi";
import type { ChannelId, EventIndex, GoroutineId, Strategy } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { AxisMode, Selection, TimeWindow } from "../timeline/contract";
import type { KindFilterKey, ListTab, Notice, OverlayName, PanelName, ProgramPreview, TraceOrigin } from "./uiState";

export type StepScope = "all" | "selection";

export type UiAction =
  // Traces and runs
  | {
      readonly type: "trace/opened";
      readonly model: TraceModel;
      readonly trace: OpenedTrace;
      /** What "run again" would run (programOfTrace), if anything. */
      readonly program: ProgramRef | undefined;
    }
  | { readonly type: "trace/openFailed"; readonly problem: TraceProblem }
  | { readonly type: "trace/openCancelled" }
  /** The host has read this much of the file it is opening. */
  | { readonly type: "trace/readProgressed"; readonly progress: OpenProgress }
  /** The window is building the opened trace's model; bytes when it reads them in chunks. */
  | { readonly type: "trace/buildProgressed"; readonly name: string; readonly bytesRead?: number; readonly totalBytes?: number }
  | { readonly type: "run/requested"; readonly program: ProgramRef; readonly origin: TraceOrigin }
  | { readonly type: "run/startFailed"; readonly message: string }
  | { readonly type: "run/started"; readonly runId: number }
  /** A live run's model grew (a fresh snapshot of the builder). */
  | { readonly type: "run/progressed"; readonly runId: number; readonly model: TraceModel }
  | { readonly type: "run/ended"; readonly ended: RunEnded; readonly model: TraceModel | undefined }
  | { readonly type: "run/stopRequested" }
  /** `as`: the trace file, or the Chrome Trace Event JSON export for Perfetto. */
  | { readonly type: "trace/saved"; readonly name: string; readonly bytes: number; readonly as: "trace" | "perfetto" }
  | { readonly type: "trace/saveFailed"; readonly message: string }
  // Playhead and selection
  | { readonly type: "playhead/moved"; readonly index: EventIndex }
  | { readonly type: "playhead/stepped"; readonly direction: -1 | 1; readonly scope: StepScope }
  | { readonly type: "playhead/jumpedToStart" }
  | { readonly type: "playhead/jumpedToEnd" }
  /** "Jump to end state": the deadlock, the panic or the first leak. */
  | { readonly type: "playhead/jumpedToEndState" }
  /** An event clicked in a list, a banner or the inspector: playhead there, event selected. */
  | { readonly type: "event/activated"; readonly index: EventIndex }
  | { readonly type: "selection/changed"; readonly selection: Selection | undefined }
  // Playback
  | { readonly type: "playback/toggled" }
  | { readonly type: "playback/ticked"; readonly elapsedMs: number }
  | { readonly type: "playback/speedChanged"; readonly eventsPerSecond: number }
  // Viewport
  | { readonly type: "viewport/changed"; readonly window: TimeWindow }
  | { readonly type: "viewport/zoomed"; readonly direction: "in" | "out" }
  | { readonly type: "viewport/panned"; readonly direction: -1 | 1 }
  | { readonly type: "viewport/fitted" }
  | { readonly type: "viewport/axisChanged"; readonly axis: AxisMode }
  | { readonly type: "viewport/followLiveChanged"; readonly follow: boolean }
  // Filters
  | { readonly type: "filters/goroutineChanged"; readonly goroutine: GoroutineId | undefined }
  | { readonly type: "filters/channelChanged"; readonly channel: ChannelId | undefined }
  | { readonly type: "filters/kindsChanged"; readonly kinds: KindFilterKey }
  | { readonly type: "filters/searchChanged"; readonly search: string }
  | { readonly type: "filters/cleared" }
  | { readonly type: "search/focusRequested" }
  // Panels, settings, notices
  | { readonly type: "panel/toggled"; readonly panel: PanelName }
  | { readonly type: "overlay/shown"; readonly overlay: OverlayName }
  | { readonly type: "program/previewed"; readonly preview: ProgramPreview }
  | { readonly type: "program/previewClosed" }
  | { readonly type: "banner/collapsedChanged"; readonly collapsed: boolean }
  /** The event list's place shows the events or the program's output. */
  | { readonly type: "listTab/chosen"; readonly tab: ListTab }
  | { readonly type: "settings/seedChanged"; readonly seed: number }
  | { readonly type: "settings/strategyChanged"; readonly strategy: Strategy }
  | { readonly type: "notice/raised"; readonly notice: Omit<Notice, "id"> }
  | { readonly type: "notice/dismissed"; readonly id: number }
  // The host
  | { readonly type: "host/identified"; readonly kind: HostInfo["kind"] }
  | { readonly type: "samples/listed"; readonly samples: readonly SampleSummary[] }
  /** The host is missing or refused (no window.chanscope). */
  | { readonly type: "host/unavailable"; readonly message: string };
