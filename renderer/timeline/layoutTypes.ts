// What layoutTimeline produces: plain readonly data in CSS pixels, which the
// painters draw and hit testing searches. Nothing here knows about canvas.

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { AxisValue } from "./contract";
import type { LaneRow } from "./lanes";
import type { RenderContext, TextFont } from "./renderContext";

/** Events [first, end). */
export type EventRange = readonly [EventIndex, EventIndex];

/** A lane row on screen. */
export interface VisibleLane {
  readonly row: LaneRow;
  readonly rowIndex: number;
  /** Screen y of its top. */
  readonly y: number;
  readonly height: number;
  /** Every other lane is striped, counted over all rows so stripes do not shift while scrolling. */
  readonly striped: boolean;
}

/**
 * One bar in a goroutine lane: a span, or several spans narrower than a pixel
 * merged into one (then `state` is the state that took most of the bar).
 */
export interface SpanRect {
  readonly g: GoroutineId;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** GOROUTINE_STATES code. */
  readonly state: number;
  /** The span it stands for (for a merged bar: the longest span in it). */
  readonly span: number;
  readonly firstSpan: number;
  readonly lastSpan: number;
  /** How many spans it covers (1 unless merged). */
  readonly count: number;
  readonly merged: boolean;
  /** Channels a blocked span waits on (a select waits on several); empty otherwise. */
  readonly channels: readonly ChannelId[];
}

/** The label on a wide blocked span naming what it waits on. */
export interface SpanBadge {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
  /** The channel it names (the badge is tinted with its colour), or undefined for other waits. */
  readonly ch: ChannelId | undefined;
  readonly g: GoroutineId;
  readonly span: number;
}

export type GlyphKind = "spawn" | "send" | "recv" | "close" | "select" | "cancel" | "panic" | "output";

export interface Glyph {
  readonly kind: GlyphKind;
  /** The event it marks. */
  readonly index: EventIndex;
  readonly g: GoroutineId;
  readonly x: number;
  readonly y: number;
  /** The channel it concerns (sends, receives, closes, a select's chosen case). */
  readonly ch: ChannelId | undefined;
  /** A receive that got the zero value from a closed channel; a select that took its default; a line printed to stderr. */
  readonly empty: boolean;
  /** For a spawn: the middle of the child's lane, when it has one. */
  readonly childY: number | undefined;
}

/** A value's way from its send to the receive that took it. */
export interface FlowArrow {
  readonly flow: number;
  readonly ch: ChannelId;
  readonly sender: GoroutineId;
  /** -1 while not received. */
  readonly receiver: GoroutineId;
  /** The send and receive events (recv -1 while not received). */
  readonly send: EventIndex;
  readonly recv: EventIndex;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Handed over directly (unbuffered, or a receiver already parked) rather than through the buffer. */
  readonly direct: boolean;
  /** Never received (still buffered at the end, or cut off): drawn as a dangling stub. */
  readonly pending: boolean;
}

/** A channel's lane: buffer occupancy as steps against its capacity, or handoff ticks when unbuffered. */
export interface ChannelLaneLayout {
  readonly ch: ChannelId;
  readonly y: number;
  readonly height: number;
  readonly cap: number;
  /** Step points: values[k] holds from xs[k] to xs[k + 1] (the last to `xEnd`). */
  readonly xs: readonly number[];
  readonly values: readonly number[];
  readonly xEnd: number;
  /** Operations as ticks, one per pixel column at most: x and what they were. */
  readonly ticks: readonly ChannelTick[];
  /** Where it was made and closed, when that is in view (or before it: -Infinity). */
  readonly madeX: number | undefined;
  readonly closedX: number | undefined;
  /** Highest occupancy drawn in this window. */
  readonly peak: number;
  /** Where goroutines wait to send on it (drawn along its top) and to receive from it (along its bottom). */
  readonly senders: readonly WaitBand[];
  readonly receivers: readonly WaitBand[];
}

/** A stretch of a channel lane during which goroutines wait on the channel. */
export interface WaitBand {
  readonly x: number;
  readonly width: number;
  /** The most goroutines waiting at once within it. */
  readonly count: number;
}

export interface ChannelTick {
  readonly x: number;
  readonly kind: "send" | "recv" | "close" | "mixed";
  /** An event it stands for (the first in its pixel column). */
  readonly index: EventIndex;
}

export interface AxisTick {
  readonly x: number;
  readonly value: AxisValue;
  /** Drawn only when it fits without touching its neighbours. */
  readonly label: string | undefined;
}

/** Any text the timeline draws, with its box: the no-overlap rule is checked over these. */
export interface TextLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly font: TextFont;
  readonly role: "gutter" | "gutter-muted" | "header" | "axis" | "axis-time" | "badge";
  /** Right-aligned labels still report their box from x. */
  readonly align: "left" | "center" | "right";
}

export interface TimelineLayout {
  readonly context: RenderContext;
  readonly lanes: readonly VisibleLane[];
  readonly rects: readonly SpanRect[];
  readonly badges: readonly SpanBadge[];
  readonly glyphs: readonly Glyph[];
  readonly arrows: readonly FlowArrow[];
  readonly channelLanes: readonly ChannelLaneLayout[];
  readonly ticks: readonly AxisTick[];
  /** Where the clock moves on, in sequence mode (a virtual-time run's many events per instant). */
  readonly timeMarks: readonly AxisTick[];
  readonly labels: readonly TextLabel[];
  /** Whether per-event detail (glyphs, arrows) is drawn, or the window holds too many events for it. */
  readonly eventDetail: boolean;
  /** Events in the window. */
  readonly eventsInWindow: number;
  /** Arrows left out because of MAX_ARROWS. */
  readonly arrowsDropped: number;
}
