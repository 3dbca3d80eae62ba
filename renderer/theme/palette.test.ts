import { describe, expect, it } from "vitest";
import { channelId } from "../../traces/events";
import { GOROUTINE_STATES } from "../../traces/model/index";
import {
  channelColor,
  relativeLuminance,
  STATE_COLORS,
  STATE_COLORS_BY_CODE,
  STATE_LEGEND_ORDER,
  stateColor,
  textOnColor,
  THEMES,
  withAlpha,
} from "./palette";

describe("the shared palette", () => {
  it("every goroutine state has its own colour in each theme", () => {
    for (const theme of ["light", "dark"] as const) {
      const colors = GOROUTINE_STATES.map((s) => stateColor(s, theme));
      expect(colors.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
      expect(new Set(colors).size).toBe(GOROUTINE_STATES.length);
      expect(STATE_COLORS_BY_CODE[theme]).toEqual(colors);
    }
  });

  it("every state has a place in the legend", () => {
    expect([...STATE_LEGEND_ORDER].sort()).toEqual([...GOROUTINE_STATES].sort());
  });

  it("running stands out from its background in both themes", () => {
    const contrast = (a: string, b: string): number => {
      const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    expect(contrast(STATE_COLORS.light.running, THEMES.light.background)).toBeGreaterThan(3);
    expect(contrast(STATE_COLORS.dark.running, THEMES.dark.background)).toBeGreaterThan(3);
  });

  it("a channel keeps its colour, and neighbouring channels differ", () => {
    expect(channelColor(channelId(3), "light")).toBe(channelColor(channelId(3), "light"));
    for (let ch = 1; ch < 10; ch++) expect(channelColor(channelId(ch), "dark")).not.toBe(channelColor(channelId(ch + 1), "dark"));
    expect(channelColor(channelId(1), "light")).toBe(channelColor(channelId(11), "light"));
  });

  it("text on a fill is dark on light fills and light on dark ones", () => {
    expect(textOnColor("#ffffff")).not.toBe("#ffffff");
    expect(textOnColor("#111111")).toBe("#ffffff");
    expect(withAlpha("#ff0000", 0.5)).toBe("rgba(255, 0, 0, 0.5)");
  });

  it("the selection's wash is the selection colour, faint, in both themes", () => {
    for (const theme of ["light", "dark"] as const) expect(THEMES[theme].selectionFill).toBe(withAlpha(THEMES[theme].selection, 0.12));
  });

  it("a hovered lane is washed with the theme's ink, barely", () => {
    expect(THEMES.light.hoverLane).toBe(withAlpha("#000000", 0.04));
    expect(THEMES.dark.hoverLane).toBe(withAlpha("#ffffff", 0.04));
  });
});
