// The workspace's layout budget: how the window's height and width are shared
// between the end-state banner, the timeline, the bottom panels (events,
// source) and the side column (wait-for graph, inspector). Pure arithmetic
// over sizes, so it is tested without a browser.
//
// The timeline comes first. Each part has a least size it always gets (the
// timeline's chrome and a few lanes, the banner's headline, the panels' title
// bars); the rest is handed out in this order:
//
//   1. the bottom panels, up to the height the user dragged them to;
//   2. the timeline, until every lane fits (squeezed, readable if it can be),
//      unless they cannot all fit even squeezed to the tightest;
//   3. the bottom panels, up to a usable height;
//   4. the timeline, until every lane fits at its comfortable size;
//   5. the banner, up to all it has to say (it has at least its compact form:
//      a summary line and a list that scrolls);
//   6. the bottom panels, up to their share of the window;
//   7. the timeline, whatever is left.

import { AXIS_HEIGHT, COMFORTABLE_LANES, OVERVIEW_HEIGHT, READABLE_GOROUTINE_LANE, TIGHTEST_LANES } from "../../timeline/geometry";
import { lanesHeight, squeezedLanes, type LaneCounts } from "../../timeline/lanes";
import { PREF_BOUNDS, type LayoutPrefs } from "./layoutPrefs";

/** Padding around the workspace, and the gap between its parts (a splitter fills the gap it sits in). */
export const WORKSPACE_PAD = 6;
export const GAP = 6;
/** The trace's title row above the timeline. */
export const TITLE_ROW_HEIGHT = 28;
/** A panel folded to its title bar. */
export const PANEL_TITLE_HEIGHT = 26;
/** The bottom panels' least usable height: the filter bar, the header and a few rows. */
export const BOTTOM_MIN = 150;
/** Under this, the bottom panels show only their title bars. */
const BOTTOM_FOLD_BELOW = 120;
/** The bottom panels' share of the centre's height when the user has not set it. */
const BOTTOM_SHARE = 0.4;
/** The timeline's border (the host's, top and bottom). */
const TIMELINE_BORDER = 2;
/** Lanes the timeline shows whatever else wants the room, in px. */
const TIMELINE_FLOOR_LANES = 100;

/** The banner: its headline row (with padding and border), a summary line, a line of text in an item, an item's own padding. */
export const BANNER_HEAD = 40;
export const BANNER_SUMMARY = 24;
const BANNER_LINE = 18;
const BANNER_ITEM_PAD = 7;
/** The wait cycle's line, the stack's summary line. */
const BANNER_EXTRA_LINE = 24;
/** Items the compact banner shows before its list scrolls. */
const BANNER_COMPACT_ITEMS = 1.5;
/** Roughly: a character of the banner's monospace text, and the room its chips and jump button take from each line. */
const BANNER_CHAR_PX = 6.6;
const BANNER_ITEM_CHROME_PX = 330;

/** The side column's default width: a share of the window, within bounds; and the least the centre keeps. */
const SIDE_SHARE = 0.3;
const SIDE_DEFAULT_MIN = 340;
const SIDE_DEFAULT_MAX = 520;
const CENTRE_MIN = 520;
/** A side column folded to a strip. */
export const SIDE_STRIP_WIDTH = 30;
/** The wait-for graph panel: its title and legend around the drawing; the least it and the inspector get. */
const GRAPH_CHROME = 48;
const GRAPH_MIN = 140;
const INSPECTOR_MIN = 160;

export interface BannerNeeds {
  /** The length of each item's text (goroutine, what it waits on, why), in characters. */
  readonly itemChars: readonly number[];
  readonly cycles: number;
  readonly stack: boolean;
  /** Folded by the user ("Hide"). */
  readonly collapsed: boolean;
}

export interface WorkspaceNeeds {
  /** The workspace's box: the window below the toolbar and notices, in CSS px. */
  readonly viewport: { readonly width: number; readonly height: number };
  /** The lanes the timeline shows. */
  readonly lanes: LaneCounts;
  /** The timeline's legend as drawn (it wraps with the width). */
  readonly legendHeight: number;
  /** Undefined when the run ended without a banner. */
  readonly banner: BannerNeeds | undefined;
  readonly panels: { readonly events: boolean; readonly source: boolean; readonly graph: boolean; readonly inspector: boolean };
  /** The wait-for graph's drawing at the side column's width (sideWidth), in px; 0 when nobody waits. */
  readonly graphContentHeight: number;
  readonly prefs: LayoutPrefs;
}

/** full: everything; compact: a summary line and a list that scrolls; folded: the headline alone. */
export type BannerMode = "full" | "compact" | "folded";

export interface WorkspaceLayout {
  /** The side column; undefined when both its panels are hidden. */
  readonly side:
    | {
        readonly width: number;
        readonly collapsed: boolean;
        /** The graph's panel when the inspector is below it. */
        readonly graphHeight: number;
        readonly graphLimits: readonly [number, number];
        readonly widthLimits: readonly [number, number];
      }
    | undefined;
  readonly banner: { readonly mode: BannerMode; readonly height: number } | undefined;
  readonly timeline: {
    readonly height: number;
    /** Whether every lane fits without scrolling (at the tightest sizes, at least). */
    readonly lanesFit: boolean;
  };
  /** The bottom panels; undefined when both are hidden. */
  readonly bottom:
    | {
        readonly height: number;
        /** Folded to the title bars, by the user or for want of room. */
        readonly collapsed: boolean;
        readonly limits: readonly [number, number];
        /** The event list's share of the row's width. */
        readonly eventsShare: number;
      }
    | undefined;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The side column's width for a window this wide: the user's, or a share of the window; the centre keeps at least CENTRE_MIN. */
export function sideWidthOf(viewportWidth: number, prefs: LayoutPrefs): number {
  const max = Math.max(PREF_BOUNDS.sideWidth[0], viewportWidth - CENTRE_MIN);
  const wanted = prefs.sideWidth ?? clamp(Math.round(viewportWidth * SIDE_SHARE), SIDE_DEFAULT_MIN, SIDE_DEFAULT_MAX);
  return clamp(wanted, PREF_BOUNDS.sideWidth[0], max);
}

/** The banner's full height at a centre this wide: its headline, each item's lines, the cycles and the stack's line. */
export function bannerFullHeight(b: BannerNeeds, centreWidth: number): number {
  const room = Math.max(200, centreWidth - BANNER_ITEM_CHROME_PX);
  const items = b.itemChars.reduce(
    (h, chars) => h + BANNER_ITEM_PAD + BANNER_LINE * Math.max(1, Math.ceil((chars * BANNER_CHAR_PX) / room)),
    0,
  );
  return BANNER_HEAD + items + b.cycles * BANNER_EXTRA_LINE + (b.stack ? BANNER_EXTRA_LINE : 0);
}

function bannerCompactHeight(b: BannerNeeds, full: number): number {
  const item = BANNER_ITEM_PAD + 2 * BANNER_LINE;
  return Math.min(full, BANNER_HEAD + BANNER_SUMMARY + Math.ceil(BANNER_COMPACT_ITEMS * item));
}

export function workspaceBudget(n: WorkspaceNeeds): WorkspaceLayout {
  const { viewport, prefs, panels } = n;
  const hasSide = panels.graph || panels.inspector;
  const sideWidth = hasSide ? (prefs.sideCollapsed ? SIDE_STRIP_WIDTH : sideWidthOf(viewport.width, prefs)) : 0;
  const centreWidth = viewport.width - 2 * WORKSPACE_PAD - (hasSide ? sideWidth + GAP : 0);
  const innerHeight = Math.max(0, viewport.height - 2 * WORKSPACE_PAD);

  // ----- the centre column, top to bottom
  const hasBottom = panels.events || panels.source;
  const gaps = GAP * (1 + (n.banner === undefined ? 0 : 1) + (hasBottom ? 1 : 0));
  const room = Math.max(0, innerHeight - TITLE_ROW_HEIGHT - gaps);

  const chrome = n.legendHeight + OVERVIEW_HEIGHT + AXIS_HEIGHT + TIMELINE_BORDER;
  const tight = chrome + lanesHeight(n.lanes, TIGHTEST_LANES);
  const readable = chrome + lanesHeight(n.lanes, squeezedLanes(READABLE_GOROUTINE_LANE));
  const comfortable = chrome + lanesHeight(n.lanes, COMFORTABLE_LANES);
  const floor = chrome + Math.min(TIMELINE_FLOOR_LANES, lanesHeight(n.lanes, TIGHTEST_LANES));

  const b = n.banner;
  const bannerFull = b === undefined ? 0 : b.collapsed ? BANNER_HEAD : bannerFullHeight(b, centreWidth);
  const bannerMin = b === undefined ? 0 : b.collapsed ? BANNER_HEAD : bannerCompactHeight(b, bannerFull);

  const bottomFolded = hasBottom ? PANEL_TITLE_HEIGHT : 0;
  const bottomOpen = hasBottom && !prefs.bottomCollapsed;
  const bottomPref = prefs.bottomHeight;

  let left = room;
  let timeline = 0;
  let banner = 0;
  let bottom = 0;
  /** Gives part `get` up to `upTo` (it already has `has`) out of what is left; returns its new size. */
  const give = (has: number, upTo: number): number => {
    const more = Math.max(0, Math.min(left, upTo - has));
    left -= more;
    return has + more;
  };
  timeline = give(timeline, floor);
  banner = give(banner, bannerMin);
  bottom = give(bottom, bottomFolded);
  if (bottomOpen && bottomPref !== undefined) bottom = give(bottom, bottomPref);
  // Lanes that cannot all fit even squeezed to the tightest scroll anyway: then the panels keep their usable height.
  const lanesCanFit = tight <= room - bannerMin - bottomFolded;
  if (lanesCanFit) timeline = give(timeline, readable);
  if (bottomOpen) bottom = give(bottom, BOTTOM_MIN);
  timeline = give(timeline, comfortable);
  banner = give(banner, bannerFull);
  if (bottomOpen && bottomPref === undefined) bottom = give(bottom, Math.round((innerHeight - TITLE_ROW_HEIGHT) * BOTTOM_SHARE));
  // A bottom too short to use folds to its title bars; the timeline takes the difference.
  const bottomCollapsed = hasBottom && (!bottomOpen || bottom < BOTTOM_FOLD_BELOW);
  if (bottomCollapsed) {
    left += bottom - bottomFolded;
    bottom = bottomFolded;
  }
  timeline += left;

  const bannerMode: BannerMode = b === undefined || b.collapsed ? "folded" : banner >= bannerFull ? "full" : "compact";
  const bottomMax = Math.max(BOTTOM_MIN, room - floor - bannerMin);

  // ----- the side column: the graph as tall as its drawing (within bounds), the inspector below
  const sideInner = innerHeight;
  const both = panels.graph && panels.inspector;
  const graphMax = Math.max(GRAPH_MIN, sideInner - GAP - INSPECTOR_MIN);
  const graphWanted = prefs.graphHeight ?? n.graphContentHeight + GRAPH_CHROME;
  const graphHeight = both ? clamp(graphWanted, GRAPH_MIN, graphMax) : panels.graph ? sideInner : 0;

  return {
    side: hasSide
      ? {
          width: sideWidth,
          collapsed: prefs.sideCollapsed,
          graphHeight,
          graphLimits: [GRAPH_MIN, graphMax],
          widthLimits: [PREF_BOUNDS.sideWidth[0], Math.max(PREF_BOUNDS.sideWidth[0], viewport.width - CENTRE_MIN)],
        }
      : undefined,
    banner: b === undefined ? undefined : { mode: bannerMode, height: bannerMode === "full" ? bannerFull : banner },
    timeline: { height: timeline, lanesFit: timeline >= tight },
    bottom: hasBottom
      ? {
          height: bottom,
          collapsed: bottomCollapsed,
          limits: [Math.min(BOTTOM_MIN, bottomMax), bottomMax],
          eventsShare: prefs.eventsShare ?? 0.55,
        }
      : undefined,
  };
}
