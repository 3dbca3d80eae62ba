import { describe, expect, it } from "vitest";
import { channelId } from "../../traces/events";
import { GOROUTINE_STATES } from "../../traces/model/index";
import { composite, contrastRatio, MIN_TEXT_CONTRAST } from "./contrast";
import {
  channelColor,
  channelInk,
  DARK_INK,
  relativeLuminance,
  STATE_COLORS,
  STATE_COLORS_BY_CODE,
  STATE_LEGEND_ORDER,
  stateColor,
  TEXT_SURFACES,
  textOnColor,
  THEMES,
  withAlpha,
  type ThemeName,
} from "./palette";

/** Every text the palette puts on a fill of its own, in one theme: [what, text colour, what it is drawn on]. */
function textPairs(theme: ThemeName): [string, string, string][] {
  const t = THEMES[theme];
  const states = GOROUTINE_STATES.map((s) => [s, stateColor(s, theme)] as const);
  const channels = Array.from({ length: 10 }, (_, k) => channelId(k + 1));
  const lanes = [t.background, t.laneStripe, t.gutter];
  const washed = lanes.flatMap((bg) => [bg, composite(t.selectionFill, bg), composite(t.hoverLane, bg)]);
  return [
    // The inspector's and the source's state badges, the end banner's tone.
    ...states.map(([s, fill]): [string, string, string] => [`${s} badge`, textOnColor(fill), fill]),
    // Badges on blocked spans: in the channel's colour, or the badge background over the span.
    ...channels.map((ch): [string, string, string] => [`ch${ch} badge`, textOnColor(channelColor(ch, theme)), channelColor(ch, theme)]),
    ...states.map(([s, fill]): [string, string, string] => [
      `plain badge on ${s}`,
      t.text,
      composite(withAlpha(t.badgeBackground, 0.85), fill),
    ]),
    // A channel's name in its colour, on every surface.
    ...channels.flatMap((ch) =>
      TEXT_SURFACES[theme].map((bg): [string, string, string] => [`ch${ch} name on ${bg}`, channelInk(ch, theme), bg]),
    ),
    // Gutter labels and the axis, plain and under the selection's and the hover's washes.
    ...washed.flatMap((bg): [string, string, string][] => [
      [`label on ${bg}`, t.text, bg],
      [`muted label on ${bg}`, t.textMuted, bg],
    ]),
    // The corner's note, over whatever span is under it.
    ...states.map(([s, fill]): [string, string, string] => [`note over ${s}`, t.textMuted, composite(withAlpha(t.gutter, 0.92), fill)]),
    ["playhead handle", t.playheadText, t.playhead],
    ["panic mark", t.glyphMark, stateColor("panicked", theme)],
    ["tooltip", t.tooltipText, t.tooltipBackground],
  ];
}

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

  it("every text on a palette fill reads at 4.5:1 or more, in both themes", () => {
    for (const theme of ["light", "dark"] as const) {
      const failing = textPairs(theme)
        .map(([what, text, bg]) => ({ what, ratio: Math.round(contrastRatio(text, bg) * 100) / 100 }))
        .filter((p) => p.ratio < MIN_TEXT_CONTRAST);
      expect(failing, theme).toEqual([]);
    }
  });

  it("the dark theme's deadlocked badge is dark ink on the pink, no longer white at 3.7:1", () => {
    expect(textOnColor(stateColor("deadlocked", "dark"))).toBe(DARK_INK);
    expect(contrastRatio(textOnColor(stateColor("deadlocked", "dark")), stateColor("deadlocked", "dark"))).toBeGreaterThan(4.9);
  });

  it("a channel's name keeps its colour's hue, only darker where the colour is too light to read", () => {
    expect(channelInk(channelId(5), "light")).toBe(channelColor(channelId(5), "light"));
    const ink = channelInk(channelId(2), "light");
    expect(ink).not.toBe(channelColor(channelId(2), "light"));
    expect(relativeLuminance(ink)).toBeLessThan(relativeLuminance(channelColor(channelId(2), "light")));
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
