// What the timeline's stand-alone page (TimelinePage.tsx) exposes to the test
// driver, as types only, so the node-side bench and e2e test can name them.
import type { EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { ThemeName } from "../../renderer/theme/palette";
import type { AxisMode, Selection, TimelineFrameStats, TimeWindow } from "../../renderer/timeline/contract";

export interface FrameRecord extends TimelineFrameStats {
  /** performance.now() when the frame was painted. */
  readonly at: number;
}

export interface TimelinePageApi {
  /** "holding": with ?hold, the trace text is in memory and the page waits for proceed() before reading it. */
  readonly status: "loading" | "holding" | "ready" | "failed";
  readonly error: string | undefined;
  readonly timings: Readonly<Record<string, number>>;
  readonly frames: FrameRecord[];
  /** performance.now() of the last React commit of the page (after a prop change). */
  lastCommit: number;
  readonly model: TraceModel | undefined;
  state(): { window: TimeWindow; playhead: number; selection: Selection | undefined; axis: AxisMode; theme: ThemeName };
  setWindow(w: TimeWindow): void;
  setPlayhead(i: EventIndex): void;
  setSelection(s: Selection | undefined): void;
  setTheme(t: ThemeName): void;
  setAxis(a: AxisMode): void;
  /**
   * A live page (?live=N) only: adds n more events of the run (generated on the spot), hands the Timeline
   * the new snapshot; returns the event count and what generating, adding and snapshotting cost.
   */
  appendBatch(n: number): { readonly events: number; readonly modelMs: number };
  /** With ?hold: read the trace now. */
  proceed(): void;
  /** Resolves with the next painted frame. */
  nextFrame(): Promise<FrameRecord>;
  heapMB(): number | undefined;
}
