// Where the timeline's parts sit, in CSS pixels. One table so layout, painting
// and hit testing agree to the pixel.
//
//   ┌ gutter ─────┬ overview strip (the whole trace, the window marked) ┐
//   │             ├ axis (ticks; click or drag moves the playhead)      ┤
//   │ G1 main     │ spans, glyphs, arrows …                   (scrolls) │
//   │ jobs  cap 5 │ buffer occupancy …                                  │
//   └─────────────┴─────────────────────────────────────────────────────┘

export const GUTTER_WIDTH = 184;
export const OVERVIEW_HEIGHT = 30;
export const AXIS_HEIGHT = 34;
/** Room on the right of the plot for the lanes' vertical scrollbar. */
export const SCROLLBAR_WIDTH = 12;

export const GOROUTINE_LANE_HEIGHT = 24;
/** The span bar inside a goroutine lane: inset so neighbouring lanes never touch. */
export const SPAN_INSET = 3;
export const CHANNEL_LANE_HEIGHT = 36;
export const SECTION_HEADER_HEIGHT = 22;
/** Inside a channel lane: wait bands along the top and bottom edges, the buffer in between. */
export const CHANNEL_BAND_ZONE = 9;

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

export function timelineGeometry(width: number, height: number): TimelineGeometry {
  const w = Math.max(width, GUTTER_WIDTH + 40);
  const h = Math.max(height, OVERVIEW_HEIGHT + AXIS_HEIGHT + 20);
  const top = OVERVIEW_HEIGHT + AXIS_HEIGHT;
  const plotWidth = w - GUTTER_WIDTH - SCROLLBAR_WIDTH;
  return {
    width: w,
    height: h,
    gutter: { x: 0, y: top, width: GUTTER_WIDTH, height: h - top },
    overview: { x: GUTTER_WIDTH, y: 0, width: plotWidth, height: OVERVIEW_HEIGHT },
    axis: { x: GUTTER_WIDTH, y: OVERVIEW_HEIGHT, width: plotWidth, height: AXIS_HEIGHT },
    plot: { x: GUTTER_WIDTH, y: top, width: plotWidth, height: h - top },
    lanes: { x: 0, y: top, width: w - SCROLLBAR_WIDTH, height: h - top },
  };
}

export const contains = (r: Rect, x: number, y: number): boolean => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
