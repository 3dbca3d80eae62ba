// Where the timeline's parts sit, in CSS pixels. One table so layout, painting
// and hit testing agree to the pixel.
//
//   ┌ gutter ─────┬ overview strip (the whole trace, the window marked) ┐
//   │             ├ axis (ticks; click or drag moves the playhead)      ┤
//   │ G1 main     │ spans, glyphs, arrows …                   (scrolls) │
//   │ jobs  cap 5 │ buffer occupancy …                                  │
//   └─────────────┴─────────────────────────────────────────────────────┘

/** The label gutter's width unless the user dragged it (the app keeps theirs, within these bounds). */
export const GUTTER_WIDTH = 184;
export const MIN_GUTTER_WIDTH = 96;
export const MAX_GUTTER_WIDTH = 420;
export const OVERVIEW_HEIGHT = 30;
export const AXIS_HEIGHT = 34;
/** Room on the right of the plot for the lanes' vertical scrollbar. */
export const SCROLLBAR_WIDTH = 12;

export const GOROUTINE_LANE_HEIGHT = 24;
/** The span bar inside a goroutine lane: inset so neighbouring lanes never touch (less in a lane squeezed to fit). */
export const SPAN_INSET = 3;
export const CHANNEL_LANE_HEIGHT = 36;
export const SECTION_HEADER_HEIGHT = 22;
/** Inside a channel lane: wait bands along the top and bottom edges, the buffer in between (a quarter of a squeezed lane). */
export const CHANNEL_BAND_ZONE = 9;

/** How tall lanes are: the comfortable sizes above, or less when the lanes are squeezed to fit the plot. */
export interface LaneMetrics {
  readonly goroutine: number;
  readonly channel: number;
  readonly header: number;
}

export const COMFORTABLE_LANES: LaneMetrics = Object.freeze({
  goroutine: GOROUTINE_LANE_HEIGHT,
  channel: CHANNEL_LANE_HEIGHT,
  header: SECTION_HEADER_HEIGHT,
});
/** The least a lane may shrink to: a goroutine's bar still shows its states, a channel its buffer between the wait bands. */
export const TIGHTEST_LANES: LaneMetrics = Object.freeze({ goroutine: 7, channel: 18, header: 12 });
/** Goroutine lanes this tall still read well: a bar with room for the badge naming what it waits on, a name in the plain font. */
export const READABLE_GOROUTINE_LANE = 18;
/** Below this lane height the gutter writes in its small font. */
export const SMALL_LABEL_LANE = 16;

/** The inset of a span bar in a lane of height `h`: 3px in a comfortable lane, 1px in the tightest. */
export const spanInset = (h: number): number => Math.max(1, Math.min(SPAN_INSET, Math.floor((h - 6) / 4)));
/** The zone along a channel lane's top and bottom edges kept for its wait bands. */
export const channelBandZone = (h: number): number => Math.min(CHANNEL_BAND_ZONE, Math.max(3, Math.round(h / 4)));

/** An exited goroutine's thin line, where a living one has a bar. */
export const EXITED_BAR_HEIGHT = 2;
/** The darker bottom edge of a merged bar. */
export const MERGED_EDGE_HEIGHT = 2;
/** The stripe along a blocked span's bottom in the colour of the channel it waits on. */
export const WAIT_STRIPE_HEIGHT = 3;
/** The label on a wide blocked span: its height, inner padding and corner radius. */
export const BADGE_HEIGHT = 14;
export const BADGE_PAD = 4;
export const BADGE_RADIUS = 4;
/** The height of a line of text in the gutter and the axis. */
export const LABEL_HEIGHT = 14;
/** A glyph's radius at scale 1. */
export const GLYPH_RADIUS = 3.5;
/** How far above a goroutine lane's middle the mark of a printed line sits: on the bar's top edge. */
export const OUTPUT_MARK_RISE = 9;
/** The playhead's line width, and its handle's height on the axis (it sits this far above the axis's bottom edge). */
export const PLAYHEAD_WIDTH = 2;
export const PLAYHEAD_HANDLE_HEIGHT = 15;
export const PLAYHEAD_HANDLE_BOTTOM = 2;
/** The length of an arrow's head. */
export const ARROW_HEAD_SIZE = 5.5;
/** The side of a channel's colour swatch in the gutter. */
export const SWATCH_SIZE = 10;
/** The side of the hatch pattern's tile. */
export const HATCH_TILE = 6;

/** Spans narrower than this merge with their neighbours into one summary bar. */
export const MERGE_PX = 1;
/** Blocked spans at least this wide carry a badge naming what they wait on. */
export const BADGE_MIN_WIDTH = 30;
/** Glyphs in one lane closer than this are thinned (the first one stays). */
export const GLYPH_MIN_GAP = 5;
/** Above this many events in the window, per-event glyphs and arrows are left out (the spans say enough). */
export const EVENT_DETAIL_LIMIT = 40_000;
/** At most this many flow arrows per frame. */
export const MAX_ARROWS = 4_000;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The regions of a timeline of a given size. */
export interface TimelineGeometry {
  readonly width: number;
  readonly height: number;
  readonly gutter: Rect;
  readonly overview: Rect;
  readonly axis: Rect;
  /** Where lanes are drawn (below the axis, right of the gutter). */
  readonly plot: Rect;
  /** The lanes' rows including the gutter: the scrolling part. */
  readonly lanes: Rect;
}

/** The gutter's width kept within its bounds (a whole pixel; the default for anything that is not a number). */
export function clampGutterWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return GUTTER_WIDTH;
  return Math.round(Math.min(MAX_GUTTER_WIDTH, Math.max(MIN_GUTTER_WIDTH, width)));
}

export function timelineGeometry(width: number, height: number, gutterWidth: number = GUTTER_WIDTH): TimelineGeometry {
  const gw = clampGutterWidth(gutterWidth);
  const w = Math.max(width, gw + 40);
  const h = Math.max(height, OVERVIEW_HEIGHT + AXIS_HEIGHT + 20);
  const top = OVERVIEW_HEIGHT + AXIS_HEIGHT;
  const plotWidth = w - gw - SCROLLBAR_WIDTH;
  return {
    width: w,
    height: h,
    gutter: { x: 0, y: top, width: gw, height: h - top },
    overview: { x: gw, y: 0, width: plotWidth, height: OVERVIEW_HEIGHT },
    axis: { x: gw, y: OVERVIEW_HEIGHT, width: plotWidth, height: AXIS_HEIGHT },
    plot: { x: gw, y: top, width: plotWidth, height: h - top },
    lanes: { x: 0, y: top, width: w - SCROLLBAR_WIDTH, height: h - top },
  };
}

export const contains = (r: Rect, x: number, y: number): boolean => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
