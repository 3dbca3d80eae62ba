// The colours every view shares: one per goroutine state (the timeline's spans,
// the inspector's badges, the legend), one per channel (arrows, channel lanes,
// the badges on blocked spans), and the theme tokens for light and dark.
// Colours are chosen in pairs so a state reads the same in both themes; the
// families say what kind of wait it is (warm: channel send, cool: receive,
// violet: select, pink: locks, teal: WaitGroup/Once, grey: sleep, reds: ends
// that went wrong).

import { GOROUTINE_STATES, type GoroutineState } from "../../traces/model/index";
import type { ChannelId } from "../../traces/events";
import { contrastRatio, luminance, parseColor, readableOn } from "./contrast";

/** The two themes; the app follows the system's. */
export type ThemeName = "light" | "dark";

/** Short legend groups: the states a person tells apart at a glance, in reading order. */
export const STATE_LEGEND_ORDER: readonly GoroutineState[] = [
  "running",
  "runnable",
  "blocked-send",
  "blocked-recv",
  "blocked-select",
  "blocked-sleep",
  "blocked-mutex",
  "blocked-rwmutex-read",
  "blocked-rwmutex-write",
  "blocked-waitgroup",
  "blocked-once",
  "blocked-io",
  "blocked-cond",
  "blocked-semaphore",
  "blocked-errgroup-wait",
  "blocked-errgroup-go",
  "blocked-send-nil",
  "blocked-recv-nil",
  "blocked-select-no-cases",
  "exited",
  "panicked",
  "deadlocked",
  "leaked",
];

const LIGHT_STATES: Readonly<Record<GoroutineState, string>> = {
  running: "#2f9e44",
  runnable: "#b2dfbb",
  "blocked-send": "#f08c00",
  "blocked-recv": "#4c8fd6",
  "blocked-send-nil": "#a15c00",
  "blocked-recv-nil": "#1e4e8c",
  "blocked-select": "#8a5cd0",
  "blocked-select-no-cases": "#5b3a99",
  "blocked-sleep": "#c4c9d0",
  "blocked-mutex": "#d6559a",
  "blocked-rwmutex-read": "#eaa2c8",
  "blocked-rwmutex-write": "#a8336f",
  "blocked-waitgroup": "#20a39e",
  "blocked-once": "#7cc4bd",
  "blocked-io": "#b08d57",
  "blocked-cond": "#be4bdb",
  "blocked-semaphore": "#f2c200",
  "blocked-errgroup-wait": "#0b7d90",
  "blocked-errgroup-go": "#66d9e8",
  exited: "#e9ecef",
  panicked: "#e03131",
  deadlocked: "#a61e4d",
  leaked: "#c2410c",
};

const DARK_STATES: Readonly<Record<GoroutineState, string>> = {
  running: "#40c057",
  runnable: "#2f5a3a",
  "blocked-send": "#f59f00",
  "blocked-recv": "#4dabf7",
  "blocked-send-nil": "#b86e00",
  "blocked-recv-nil": "#2f6fb5",
  "blocked-select": "#a37be8",
  "blocked-select-no-cases": "#7048b8",
  "blocked-sleep": "#5c636e",
  "blocked-mutex": "#e66aab",
  "blocked-rwmutex-read": "#b5668f",
  "blocked-rwmutex-write": "#f08cc0",
  "blocked-waitgroup": "#2bbbad",
  "blocked-once": "#5f9f99",
  "blocked-io": "#c9a46a",
  "blocked-cond": "#da77f2",
  "blocked-semaphore": "#ffd43b",
  "blocked-errgroup-wait": "#3bc9db",
  "blocked-errgroup-go": "#0b7285",
  exited: "#2c3036",
  panicked: "#ff6b6b",
  deadlocked: "#e64980",
  leaked: "#fd7e14",
};

export const STATE_COLORS: Readonly<Record<ThemeName, Readonly<Record<GoroutineState, string>>>> = Object.freeze({
  light: Object.freeze(LIGHT_STATES),
  dark: Object.freeze(DARK_STATES),
});

/** The colour of a goroutine state: the same in the timeline, the inspector and the legend. */
export const stateColor = (state: GoroutineState, theme: ThemeName): string => STATE_COLORS[theme][state];

/** State colours indexed by state code (the SpanTrack's typed array), for the paint loop. */
export const STATE_COLORS_BY_CODE: Readonly<Record<ThemeName, readonly string[]>> = Object.freeze({
  light: Object.freeze(GOROUTINE_STATES.map((s) => LIGHT_STATES[s])),
  dark: Object.freeze(GOROUTINE_STATES.map((s) => DARK_STATES[s])),
});

/** The dark ink for text on light fills (white is the other). */
export const DARK_INK = "#111418";

/** Text drawn on a fill (a state's, a channel's): whichever of white and the dark ink reads better on it. */
export function textOnColor(fill: string): string {
  return contrastRatio("#ffffff", fill) >= contrastRatio(DARK_INK, fill) ? "#ffffff" : DARK_INK;
}

// A categorical set that stays distinct from each other on both backgrounds
// (Tableau 10, nudged for contrast on dark). Ids cycle through it, so a channel
// keeps its colour for the whole session.
const LIGHT_CHANNELS = [
  "#1f77b4",
  "#e8590c",
  "#2a8540",
  "#c92a2a",
  "#7048e8",
  "#8c564b",
  "#d6336c",
  "#5c677d",
  "#a08400",
  "#0b7d90",
] as const;
const DARK_CHANNELS = [
  "#5aa9e6",
  "#ff922b",
  "#69db7c",
  "#ff6b6b",
  "#b197fc",
  "#d0a387",
  "#f783ac",
  "#adb5bd",
  "#ffd43b",
  "#3bc9db",
] as const;

/** The colour of a channel: the same in flow arrows, its lane, and the badges of goroutines blocked on it. */
export function channelColor(chId: ChannelId, theme: ThemeName): string {
  const set = theme === "dark" ? DARK_CHANNELS : LIGHT_CHANNELS;
  const k = (((Math.trunc(chId) - 1) % set.length) + set.length) % set.length;
  return set[k] as string;
}

/**
 * The surfaces text sits on in each theme: the timeline's background, stripe
 * and gutter, and the app's (base.css) page, panels and notices. A channel's
 * name in its colour must read on every one (palette.test checks the CSS
 * still has these).
 */
export const TEXT_SURFACES: Readonly<Record<ThemeName, readonly string[]>> = Object.freeze({
  light: Object.freeze(["#ffffff", "#f6f7f9", "#f1f3f5", "#f3f4f6", "#f8f9fb", "#fff0f0", "#fff4e6"]),
  dark: Object.freeze(["#16181d", "#1c1f25", "#1f232a", "#0f1115", "#1b1e24", "#2c1417", "#2b1f0e"]),
});

/** A channel's colour as text (its name in a chip, its length in the gutter): darkened or lightened just enough to read. */
export function channelInk(chId: ChannelId, theme: ThemeName): string {
  return readableOn(channelColor(chId, theme), TEXT_SURFACES[theme]);
}

export interface ThemeTokens {
  readonly name: ThemeName;
  /** The plot's background. */
  readonly background: string;
  /** Every other lane gets this band, so a row is easy to follow across. */
  readonly laneStripe: string;
  /** The label gutter and the axis strip. */
  readonly gutter: string;
  readonly gutterBorder: string;
  readonly text: string;
  readonly textMuted: string;
  readonly grid: string;
  readonly axis: string;
  readonly playhead: string;
  readonly selection: string;
  readonly hover: string;
  readonly overviewWindow: string;
  readonly overviewShade: string;
  readonly tooltipBackground: string;
  readonly tooltipText: string;
  readonly tooltipBorder: string;
  /** Dark outlines around glyphs and badges so they read on any fill. */
  readonly glyphOutline: string;
  /** The mark inside a glyph drawn on the panicked colour (a panic's "!"). */
  readonly glyphMark: string;
  /** The hatch over spans parked for good (deadlocked, leaked, panicked). */
  readonly spanHatch: string;
  /** The bottom edge of a bar that merges several spans. */
  readonly mergedEdge: string;
  /** A badge that names no channel (its own colour would say which). */
  readonly badgeBackground: string;
  /** Text on the playhead's handle. */
  readonly playheadText: string;
  /** The selected lane's wash. */
  readonly selectionFill: string;
  /** The hovered lane's wash. */
  readonly hoverLane: string;
  /** Gutter labels. */
  readonly font: string;
  /** Axis ticks and small print. */
  readonly axisFont: string;
  /** The badges on blocked spans. */
  readonly badgeFont: string;
  /** A glyph's mark, sized per glyph. */
  readonly glyphFontFamily: string;
  readonly monoFont: string;
}

const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const FONT = `12px ${FAMILY}`;
const AXIS_FONT = `11px ${FAMILY}`;
const BADGE_FONT = `500 10px ${FAMILY}`;
const GLYPH_FAMILY = "system-ui, sans-serif";
const MONO = '11px ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace';

export const THEMES: Readonly<Record<ThemeName, ThemeTokens>> = Object.freeze({
  light: Object.freeze({
    name: "light",
    background: "#ffffff",
    laneStripe: "#f6f7f9",
    gutter: "#f1f3f5",
    gutterBorder: "#d0d5dc",
    text: "#1b1f24",
    textMuted: "#566270",
    grid: "rgba(27, 31, 36, 0.07)",
    axis: "#8a94a3",
    playhead: "#e8590c",
    selection: "#1c7ed6",
    hover: "rgba(27, 31, 36, 0.55)",
    overviewWindow: "rgba(28, 126, 214, 0.16)",
    overviewShade: "rgba(241, 243, 245, 0.6)",
    tooltipBackground: "#ffffff",
    tooltipText: "#1b1f24",
    tooltipBorder: "#ced4da",
    glyphOutline: "#ffffff",
    glyphMark: "#ffffff",
    spanHatch: "rgba(255,255,255,0.45)",
    mergedEdge: "rgba(0,0,0,0.22)",
    badgeBackground: "#ffffff",
    playheadText: DARK_INK,
    selectionFill: "rgba(28, 126, 214, 0.12)",
    hoverLane: "rgba(0, 0, 0, 0.04)",
    font: FONT,
    axisFont: AXIS_FONT,
    badgeFont: BADGE_FONT,
    glyphFontFamily: GLYPH_FAMILY,
    monoFont: MONO,
  }),
  dark: Object.freeze({
    name: "dark",
    background: "#16181d",
    laneStripe: "#1c1f25",
    gutter: "#1f232a",
    gutterBorder: "#343a44",
    text: "#e6e9ee",
    textMuted: "#98a2b3",
    grid: "rgba(230, 233, 238, 0.07)",
    axis: "#6b7585",
    playhead: "#ff922b",
    selection: "#4dabf7",
    hover: "rgba(230, 233, 238, 0.6)",
    overviewWindow: "rgba(77, 171, 247, 0.2)",
    overviewShade: "rgba(31, 35, 42, 0.6)",
    tooltipBackground: "#252a31",
    tooltipText: "#e6e9ee",
    tooltipBorder: "#3d4451",
    glyphOutline: "#16181d",
    glyphMark: DARK_INK,
    spanHatch: "rgba(0,0,0,0.35)",
    mergedEdge: "rgba(255,255,255,0.22)",
    badgeBackground: "#0d0f12",
    playheadText: DARK_INK,
    selectionFill: "rgba(77, 171, 247, 0.12)",
    hoverLane: "rgba(255, 255, 255, 0.04)",
    font: FONT,
    axisFont: AXIS_FONT,
    badgeFont: BADGE_FONT,
    glyphFontFamily: GLYPH_FAMILY,
    monoFont: MONO,
  }),
});

export const themeTokens = (theme: ThemeName): ThemeTokens => THEMES[theme];

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const c = parseColor(hex);
  return c === undefined ? 0.5 : luminance(c);
}

/** A #rrggbb colour with an alpha, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (m === null) return hex;
  const n = parseInt(m[1] as string, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
