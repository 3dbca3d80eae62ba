// What the rest of the renderer and the timeline agree on. The timeline is a
// controlled component: it draws what it is given and reports what the user
// did; the UI state (renderer/state) decides what happens.
import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { ThemeName } from "../theme/palette";

/**
 * The x axis. "sequence": x is the event index — every event gets room, which
 * is what a virtual-time run needs (many events share one instant). "time": x
 * is virtual (or real) time in ns.
 */
export type AxisMode = "sequence" | "time";

declare const axisValueBrand: unique symbol;

/** A position on the x axis: an event index in sequence mode, ns in time mode. */
export type AxisValue = number & { readonly [axisValueBrand]: true };

/** The visible part of the axis, in axis values, end exclusive. */
export interface TimeWindow {
  readonly start: AxisValue;
  readonly end: AxisValue;
}

/** Something the user can select on the timeline (and in the panels). */
export type Selection =
  | { readonly kind: "event"; readonly index: EventIndex }
  | { readonly kind: "span"; readonly g: GoroutineId; readonly span: number }
  | { readonly kind: "flow"; readonly flow: number }
  | { readonly kind: "goroutine"; readonly g: GoroutineId }
  | { readonly kind: "channel"; readonly ch: ChannelId };

export interface TimelineProps {
  readonly model: TraceModel;
  readonly axis: AxisMode;
  readonly window: TimeWindow;
  /** The playhead: the state shown is the one after this event (-1: before the first). */
  readonly playhead: EventIndex;
  readonly selection: Selection | undefined;
  /** When set, only these lanes are drawn (the event-list filters); undefined: all. */
  readonly visibleGoroutines?: ReadonlySet<GoroutineId>;
  readonly visibleChannels?: ReadonlySet<ChannelId>;
  readonly theme: ThemeName;
  /** The label gutter's width in CSS px (default GUTTER_WIDTH, kept within its bounds); the app lets the user drag it. */
  readonly gutterWidth?: number | undefined;
  /** Squeeze the lanes (down to the tightest sizes) so that all of them fit the plot's height without scrolling. */
  readonly fitLanes?: boolean | undefined;
  onWindowChange(window: TimeWindow): void;
  onPlayheadChange(index: EventIndex): void;
  onSelect(selection: Selection | undefined): void;
  /** Optional: called after each painted frame with what it cost (a performance HUD, the UI benchmark). */
  onFrame?(stats: TimelineFrameStats): void;
}

/** What one painted frame cost, in ms, and how much it drew. */
export interface TimelineFrameStats {
  /** Layout of the static layer (0 when only the interactive layer was repainted). */
  readonly layoutMs: number;
  /** Painting the static layer (0 when it was not repainted). */
  readonly staticPaintMs: number;
  readonly interactivePaintMs: number;
  /** The whole frame callback. */
  readonly totalMs: number;
  readonly staticRepainted: boolean;
  readonly rects: number;
  readonly glyphs: number;
  readonly arrows: number;
  readonly eventsInWindow: number;
}
