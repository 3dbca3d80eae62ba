// The renderer's state: the frozen trace model beside the UI state (DESIGN §5).
// Only `ui` is ever drafted by immer; the model is replaced by reference and
// never copied or proxied — it can hold a million events in typed arrays.

import type { HostInfo, ProgramProblem, ProgramRef, RunEnded, SampleSummary } from "../../main/contract/hostApi";
import { eventIndex, type ChannelId, type EventIndex, type EventKind, type GoroutineId, type Strategy } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { AxisMode, Selection, TimeWindow } from "../timeline/contract";
import { timeWindow } from "../timeline/axisScale";

/** Where the open trace came from: what the title bar and "run again" need. */
export type TraceOrigin =
  | { readonly kind: "sample"; readonly id: string; readonly title: string }
  | { readonly kind: "program"; readonly name: string }
  | { readonly kind: "file"; readonly name: string; readonly path: string | undefined };

/** What the window shows: the welcome view, or a trace (possibly still growing). */
export type DocumentState =
  | { readonly kind: "empty" }
  | {
      readonly kind: "trace";
      readonly origin: TraceOrigin;
      /** What "run again" runs; undefined when the trace names no program we can run. */
      readonly program: ProgramRef | undefined;
      /** The run that is still adding events to it; undefined once complete or for a file. */
      readonly liveRunId: number | undefined;
      /** Reader warnings (a file cut mid-line) shown with the trace. */
      readonly warnings: readonly string[];
    };

/** The host's run, independent of what is displayed (a failed start keeps the old trace on screen). */
export type RunStatusState =
  | { readonly kind: "idle" }
  /** startRun called; the host has not answered yet. */
  | { readonly kind: "starting"; readonly program: ProgramRef; readonly origin: TraceOrigin }
  | { readonly kind: "running"; readonly runId: number; readonly program: ProgramRef; readonly origin: TraceOrigin }
  | { readonly kind: "ended"; readonly runId: number; readonly outcome: RunEnded["outcome"]; readonly message: string };

export interface ViewportState {
  /** The axis shown: the user's choice, unless the trace's run took no time (then by event: timeline/timeAxis.ts). */
  readonly axis: AxisMode;
  /** The axis the user last chose, kept for the next trace. */
  readonly chosenAxis: AxisMode;
  readonly window: TimeWindow;
  /** While a run is live: keep the end of the trace in view (until the user scrolls away). */
  readonly followLive: boolean;
}

export interface FilterState {
  /** Events that involve this goroutine (as actor, peer or child); undefined: any. */
  readonly goroutine: GoroutineId | undefined;
  /** Events on this channel (or a select with a case on it); undefined: any. */
  readonly channel: ChannelId | undefined;
  /** A key of KIND_FILTERS (renderer/state/eventFilter.ts). */
  readonly kinds: KindFilterKey;
  readonly search: string;
}

export type KindFilterKey = "all" | "channel" | "blocking" | "select" | "scheduling" | "sync" | "time" | "context" | "problems" | EventKind;

export type PlaybackState =
  | { readonly kind: "paused" }
  /** `carry`: the fraction of an event owed from the last tick, so slow speeds still advance. */
  | { readonly kind: "playing"; readonly carry: number };

export type PanelName = "inspector" | "source" | "events" | "graph";
export type OverlayName = "none" | "shortcuts" | "about";
/** What the event list's place shows: the events, or the lines the program printed. */
export type ListTab = "events" | "output";

export interface PanelsState {
  readonly inspector: boolean;
  readonly source: boolean;
  readonly events: boolean;
  readonly graph: boolean;
  readonly overlay: OverlayName;
  /** The end-state banner folded to one line. */
  readonly bannerCollapsed: boolean;
  readonly listTab: ListTab;
}

/** Something that went wrong (or needs the user's attention); shown until dismissed. */
export interface Notice {
  readonly id: number;
  readonly level: "error" | "warning" | "info";
  readonly title: string;
  readonly message: string;
  /** Where: a trace file's line, a program's line. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** How far opening a trace has got, as the status line shows it. */
export interface OpeningState {
  readonly name: string;
  /** reading: the host reads and checks the file; building: the window builds the timeline's model. */
  readonly phase: "reading" | "building";
  readonly bytesRead?: number;
  readonly totalBytes?: number;
}

/** What the host has told about itself. */
export interface HostState {
  /** For the About box; undefined until the host answers. */
  readonly kind: HostInfo["kind"] | undefined;
  /** The samples it can run; empty until it has listed them. */
  readonly samples: readonly SampleSummary[];
}

/**
 * A program shown before it runs, with a Run button: a file the user opened
 * (dropped, from the command line, the OS or Open Recent), or the program a
 * trace carries, which runs only if the user chooses to after reading it; or
 * a program that failed to compile or load, shown at the line it failed at.
 */
export interface ProgramPreview {
  readonly name: string;
  readonly source: string;
  /** What Run hands the host. */
  readonly program: ProgramRef;
  /** The trace the program came from, for a program a trace carries; undefined for a program file. */
  readonly fromTrace: string | undefined;
  /** Why it did not run when it was run: it failed to compile or load at this line (shown marked). */
  readonly problem?: ProgramProblem;
}

export interface RunSettingsState {
  readonly seed: number;
  readonly strategy: Strategy;
}

export interface UiState {
  readonly document: DocumentState;
  readonly run: RunStatusState;
  /** A trace being opened: the host reading it, then the window building its model. Undefined otherwise. */
  readonly opening: OpeningState | undefined;
  readonly host: HostState;
  readonly viewport: ViewportState;
  /** The state shown is the one after this event; -1: before the first. */
  readonly playhead: EventIndex;
  readonly selection: Selection | undefined;
  readonly filters: FilterState;
  readonly playback: PlaybackState;
  /** Events per second while playing. */
  readonly speed: number;
  readonly panels: PanelsState;
  readonly settings: RunSettingsState;
  readonly notices: readonly Notice[];
  readonly nextNoticeId: number;
  /** Bumped to ask the event list's search box for focus (`/`). */
  readonly searchFocusRequest: number;
  /** A program waiting for the user to run it or not. */
  readonly programPreview: ProgramPreview | undefined;
}

export interface AppState {
  /** Frozen; replaced by reference, never drafted. Undefined: nothing open (or a run with no events yet). */
  readonly model: TraceModel | undefined;
  readonly ui: UiState;
}

export const PLAYBACK_SPEEDS: readonly number[] = [1, 2, 5, 10, 25, 50, 100, 250, 1000];
const DEFAULT_SPEED = 10;

export const INITIAL_FILTERS: FilterState = { goroutine: undefined, channel: undefined, kinds: "all", search: "" };

const INITIAL_UI: UiState = {
  document: { kind: "empty" },
  run: { kind: "idle" },
  opening: undefined,
  host: { kind: undefined, samples: [] },
  viewport: { axis: "sequence", chosenAxis: "sequence", window: timeWindow(0, 1), followLive: true },
  playhead: eventIndex(-1),
  selection: undefined,
  filters: INITIAL_FILTERS,
  playback: { kind: "paused" },
  speed: DEFAULT_SPEED,
  panels: { inspector: true, source: true, events: true, graph: true, overlay: "none", bannerCollapsed: false, listTab: "events" },
  settings: { seed: 1, strategy: "fifo" },
  notices: [],
  nextNoticeId: 1,
  searchFocusRequest: 0,
  programPreview: undefined,
};

export const INITIAL_STATE: AppState = { model: undefined, ui: INITIAL_UI };
