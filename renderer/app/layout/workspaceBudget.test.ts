import { describe, expect, it } from "vitest";
import { AXIS_HEIGHT, COMFORTABLE_LANES, OVERVIEW_HEIGHT, READABLE_GOROUTINE_LANE, TIGHTEST_LANES } from "../../timeline/geometry";
import { lanesHeight, squeezedLanes } from "../../timeline/lanes";
import { DEFAULT_LAYOUT_PREFS } from "./layoutPrefs";
import {
  BOTTOM_MIN,
  GAP,
  PANEL_TITLE_HEIGHT,
  SIDE_STRIP_WIDTH,
  TITLE_ROW_HEIGHT,
  WORKSPACE_PAD,
  workspaceBudget,
  type WorkspaceLayout,
  type WorkspaceNeeds,
} from "./workspaceBudget";

/** A 1280×720 window less its toolbar (one row). */
const LAPTOP = { width: 1280, height: 684 };
const DESKTOP = { width: 1920, height: 1044 };
const LEGEND = 43;
const chrome = LEGEND + OVERVIEW_HEIGHT + AXIS_HEIGHT + 2;

/** deadlock-circular: 3 goroutines, 2 channels, three stuck goroutines and a wait cycle. */
const circular: WorkspaceNeeds = {
  viewport: LAPTOP,
  lanes: { goroutines: 3, channels: 2 },
  legendHeight: LEGEND,
  banner: { itemChars: [150, 160, 160], cycles: 1, stack: false, collapsed: false },
  panels: { events: true, source: true, graph: true, inspector: true },
  graphContentHeight: 260,
  prefs: DEFAULT_LAYOUT_PREFS,
};

/** The centre column's parts and gaps add up to the workspace's height. */
function centreHeight(l: WorkspaceLayout): number {
  const parts = [TITLE_ROW_HEIGHT, l.banner?.height, l.timeline.height, l.bottom?.height].filter((h) => h !== undefined);
  return 2 * WORKSPACE_PAD + parts.reduce((a, b) => a + b, 0) + GAP * (parts.length - 1);
}

describe("the workspace's layout budget", () => {
  it("at 1280×720 a small deadlock shows every lane at its comfortable size, the banner and usable panels", () => {
    const l = workspaceBudget(circular);
    expect(l.timeline.height).toBeGreaterThanOrEqual(chrome + lanesHeight(circular.lanes, COMFORTABLE_LANES));
    expect(l.banner?.mode).not.toBe("folded");
    expect(l.bottom?.height).toBeGreaterThanOrEqual(BOTTOM_MIN);
    expect(l.bottom?.collapsed).toBe(false);
    expect(centreHeight(l)).toBe(LAPTOP.height);
  });

  it("makes the banner compact, with its own scroll, when the lanes need the room", () => {
    const l = workspaceBudget({ ...circular, lanes: { goroutines: 8, channels: 2 } });
    expect(l.banner?.mode).toBe("compact");
    expect(l.timeline.lanesFit).toBe(true);
    expect(centreHeight(l)).toBe(LAPTOP.height);
  });

  it("gives a bigger program's timeline the room first: the panels fold to their titles so that every lane fits", () => {
    // mutex-counter: 55 goroutines, 2 channels, no banner.
    const needs = { ...circular, banner: undefined, lanes: { goroutines: 55, channels: 2 } };
    const l = workspaceBudget(needs);
    expect(l.timeline.lanesFit).toBe(true);
    expect(l.timeline.height).toBeGreaterThanOrEqual(chrome + lanesHeight(needs.lanes, TIGHTEST_LANES));
    expect(l.bottom).toMatchObject({ collapsed: true, height: PANEL_TITLE_HEIGHT });
    expect(centreHeight(l)).toBe(LAPTOP.height);
  });

  it("folds the panels rather than squeeze a program's goroutine lanes below readable", () => {
    // context-cancel: 4 goroutines and 17 channels (its contexts' done channels and timers).
    const needs = { ...circular, banner: undefined, lanes: { goroutines: 4, channels: 17 } };
    const l = workspaceBudget(needs);
    expect(l.timeline.height).toBeGreaterThanOrEqual(chrome + lanesHeight(needs.lanes, squeezedLanes(READABLE_GOROUTINE_LANE)));
    expect(l.bottom?.collapsed).toBe(true);
  });

  it("leaves the panels usable when the lanes could not all fit anyway: they scroll", () => {
    const l = workspaceBudget({ ...circular, lanes: { goroutines: 20_000, channels: 1 } });
    expect(l.timeline.lanesFit).toBe(false);
    expect(l.banner?.height).toBeGreaterThan(0);
    expect(l.bottom).toMatchObject({ collapsed: false });
    expect(l.bottom?.height).toBeGreaterThanOrEqual(BOTTOM_MIN);
    expect(centreHeight(l)).toBe(LAPTOP.height);
  });

  it("keeps the banner's headline and the panels' title bars in the smallest window", () => {
    const l = workspaceBudget({ ...circular, viewport: { width: 1280, height: 360 }, lanes: { goroutines: 20, channels: 3 } });
    expect(l.banner?.height).toBeGreaterThan(0);
    expect(l.bottom?.height).toBeGreaterThanOrEqual(PANEL_TITLE_HEIGHT);
    expect(centreHeight(l)).toBe(360);
  });

  it("shows the whole banner when there is room for it", () => {
    const l = workspaceBudget({ ...circular, viewport: DESKTOP });
    expect(l.banner?.mode).toBe("full");
  });

  it("on a big window gives the panels their share and the timeline the rest", () => {
    const l = workspaceBudget({ ...circular, viewport: DESKTOP });
    expect(l.bottom?.height).toBeGreaterThan(300);
    expect(l.timeline.height).toBeGreaterThan(chrome + lanesHeight(circular.lanes, COMFORTABLE_LANES));
    expect(centreHeight(l)).toBe(DESKTOP.height);
  });

  it("gives the bottom panels the height the user dragged them to, even when the lanes must then scroll", () => {
    const prefs = { ...DEFAULT_LAYOUT_PREFS, bottomHeight: 250 };
    const l = workspaceBudget({ ...circular, lanes: { goroutines: 30, channels: 2 }, prefs });
    expect(l.bottom?.height).toBe(250);
    expect(l.timeline.lanesFit).toBe(false);
  });

  it("folds the bottom panels to their title bars when the user collapses them, and the timeline takes the room", () => {
    const open = workspaceBudget(circular);
    const l = workspaceBudget({ ...circular, prefs: { ...DEFAULT_LAYOUT_PREFS, bottomCollapsed: true } });
    expect(l.bottom).toMatchObject({ collapsed: true, height: PANEL_TITLE_HEIGHT });
    expect(l.timeline.height).toBeGreaterThan(open.timeline.height);
    expect(centreHeight(l)).toBe(LAPTOP.height);
  });

  it("folds the banner to its headline when the user hides it", () => {
    const l = workspaceBudget({ ...circular, banner: { ...(circular.banner as NonNullable<WorkspaceNeeds["banner"]>), collapsed: true } });
    expect(l.banner?.mode).toBe("folded");
    expect(l.banner?.height).toBeLessThan(50);
  });

  it("gives hidden panels no room at all", () => {
    const l = workspaceBudget({ ...circular, panels: { events: false, source: false, graph: false, inspector: false } });
    expect(l.bottom).toBeUndefined();
    expect(l.side).toBeUndefined();
    expect(centreHeight(l)).toBe(LAPTOP.height);
  });

  it("makes the graph's panel as tall as its drawing, and leaves the inspector its share", () => {
    const l = workspaceBudget(circular);
    expect(l.side?.graphHeight).toBeGreaterThanOrEqual(260);
    const huge = workspaceBudget({ ...circular, graphContentHeight: 5000 });
    expect(huge.side?.graphHeight).toBe(huge.side?.graphLimits[1]);
    expect(LAPTOP.height - 2 * WORKSPACE_PAD - (huge.side?.graphHeight ?? 0)).toBeGreaterThanOrEqual(160);
  });

  it("takes the side column's width from the user, but the centre keeps its least", () => {
    expect(workspaceBudget({ ...circular, prefs: { ...DEFAULT_LAYOUT_PREFS, sideWidth: 450 } }).side?.width).toBe(450);
    expect(workspaceBudget({ ...circular, prefs: { ...DEFAULT_LAYOUT_PREFS, sideWidth: 1100 } }).side?.width).toBe(1280 - 520);
    expect(workspaceBudget({ ...circular, prefs: { ...DEFAULT_LAYOUT_PREFS, sideCollapsed: true } }).side).toMatchObject({
      width: SIDE_STRIP_WIDTH,
      collapsed: true,
    });
  });

  it("never hands out more height than the window has, whatever it is asked", () => {
    for (const height of [200, 400, 684, 1044])
      for (const goroutines of [0, 1, 3, 55, 400])
        for (const banner of [undefined, circular.banner]) {
          const l = workspaceBudget({ ...circular, viewport: { width: 1280, height }, lanes: { goroutines, channels: 2 }, banner });
          expect(centreHeight(l), `${height}px, ${goroutines} goroutines`).toBe(height);
          expect(l.timeline.height).toBeGreaterThan(0);
        }
  });
});
