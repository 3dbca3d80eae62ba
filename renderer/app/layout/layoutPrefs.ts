// The sizes the user gave the workspace's parts (by dragging a splitter or
// collapsing a panel), kept across sessions in localStorage. Stored text is
// never trusted: every field is checked on the way in, and one that is
// missing, of the wrong type or out of bounds falls back to its default
// (undefined: the layout budget decides).

import { MAX_GUTTER_WIDTH, MIN_GUTTER_WIDTH } from "../../timeline/geometry";

export interface LayoutPrefs {
  /** The timeline's label gutter, in CSS px. */
  readonly gutterWidth: number | undefined;
  /** The side column (wait-for graph, inspector), in CSS px. */
  readonly sideWidth: number | undefined;
  /** The bottom panels (events, source), in CSS px. */
  readonly bottomHeight: number | undefined;
  /** The wait-for graph's panel in the side column, in CSS px. */
  readonly graphHeight: number | undefined;
  /** The event list's share of the bottom row's width, when the source is beside it. */
  readonly eventsShare: number | undefined;
  /** The side column folded to a strip. */
  readonly sideCollapsed: boolean;
  /** The bottom panels folded to their title bars. */
  readonly bottomCollapsed: boolean;
}

export type SizePref = "gutterWidth" | "sideWidth" | "bottomHeight" | "graphHeight" | "eventsShare";

/** What each size may be; a stored value outside is thrown away. */
export const PREF_BOUNDS: Readonly<Record<SizePref, readonly [number, number]>> = {
  gutterWidth: [MIN_GUTTER_WIDTH, MAX_GUTTER_WIDTH],
  sideWidth: [240, 1200],
  bottomHeight: [60, 2400],
  graphHeight: [80, 2400],
  eventsShare: [0.15, 0.85],
};

export const DEFAULT_LAYOUT_PREFS: LayoutPrefs = Object.freeze({
  gutterWidth: undefined,
  sideWidth: undefined,
  bottomHeight: undefined,
  graphHeight: undefined,
  eventsShare: undefined,
  sideCollapsed: false,
  bottomCollapsed: false,
});

/** The localStorage key; the version inside the value lets a later format start afresh. */
export const LAYOUT_PREFS_KEY = "chanscope.layout";
const VERSION = 1;

const SIZES: readonly SizePref[] = ["gutterWidth", "sideWidth", "bottomHeight", "graphHeight", "eventsShare"];

/** A size kept within its bounds (what a splitter writes). */
export function clampPref(key: SizePref, value: number): number {
  const [lo, hi] = PREF_BOUNDS[key];
  return Math.min(hi, Math.max(lo, value));
}

function sizeOf(key: SizePref, v: unknown): number | undefined {
  if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
  const [lo, hi] = PREF_BOUNDS[key];
  return v >= lo && v <= hi ? v : undefined;
}

/** The preferences in stored text; the defaults for anything unreadable (no text, bad JSON, another version). */
export function parseLayoutPrefs(text: string | null | undefined): LayoutPrefs {
  if (text === null || text === undefined || text === "") return DEFAULT_LAYOUT_PREFS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_LAYOUT_PREFS;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return DEFAULT_LAYOUT_PREFS;
  const o = raw as Readonly<Record<string, unknown>>;
  if (o["v"] !== VERSION) return DEFAULT_LAYOUT_PREFS;
  const sizes = Object.fromEntries(SIZES.map((k) => [k, sizeOf(k, o[k])])) as Pick<LayoutPrefs, SizePref>;
  return Object.freeze({
    ...sizes,
    sideCollapsed: o["sideCollapsed"] === true,
    bottomCollapsed: o["bottomCollapsed"] === true,
  });
}

/** The text parseLayoutPrefs reads back; sizes left to the budget are not written. */
export function serializeLayoutPrefs(prefs: LayoutPrefs): string {
  const out: Record<string, number | boolean> = { v: VERSION };
  for (const k of SIZES) {
    const v = prefs[k];
    if (v !== undefined) out[k] = k === "eventsShare" ? Math.round(v * 1000) / 1000 : Math.round(v);
  }
  if (prefs.sideCollapsed) out["sideCollapsed"] = true;
  if (prefs.bottomCollapsed) out["bottomCollapsed"] = true;
  return JSON.stringify(out);
}
