import { describe, expect, it } from "vitest";
import { channelId, goroutineId } from "../../../traces/events";
import { StateCode } from "../../../traces/model/index";
import { channelColor, STATE_COLORS, STATE_COLORS_BY_CODE, textOnColor, THEMES, withAlpha } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { bufferModel, busyModel, contextFor, handoffModel } from "../../testing/timelineFixtures";
import { snap } from "../canvas";
import { BADGE_PAD, EXITED_BAR_HEIGHT, MERGED_EDGE_HEIGHT, WAIT_STRIPE_HEIGHT } from "../geometry";
import { layoutTimeline } from "../layout";
import type { SpanBadge } from "../layoutTypes";
import { paintBadges, paintSpans, paintSpawnLinks } from "./goroutineTrackPaint";

const light = THEMES.light;

describe("painting goroutine spans", () => {
  const model = handoffModel();
  const layout = layoutTimeline(model, contextFor(model, { width: 1400 }));

  it("a running span is a bar in the running colour, filling its rectangle snapped to device pixels", () => {
    const canvas = new RecordingCanvas();
    paintSpans(canvas.ctx, layout, light);
    const r = layout.rects.find((x) => x.state === StateCode.running && x.g === goroutineId(2));
    if (r === undefined) throw new Error("the worker runs");
    const x0 = snap(r.x, 1);
    const bar = canvas
      .ops("fillRect")
      .find((c) => c.fillStyle === STATE_COLORS.light.running && c.args[0] === x0 && c.args[1] === snap(r.y, 1));
    expect(bar?.args).toEqual([x0, snap(r.y, 1), snap(r.x + r.width, 1) - x0, snap(r.height, 1)]);
  });

  it("a blocked span is a bar in its state's colour with a stripe along its bottom in its channel's colour", () => {
    const canvas = new RecordingCanvas();
    paintSpans(canvas.ctx, layout, light);
    const blocked = layout.rects.find((r) => r.state === StateCode.blockedRecv);
    expect(blocked?.channels).toEqual([channelId(1)]);
    const fills = canvas.ops("fillRect");
    expect(fills.some((c) => c.fillStyle === STATE_COLORS.light["blocked-recv"] && c.args[0] === snap(blocked?.x ?? 0, 1))).toBe(true);
    const stripe = fills.find((c) => c.fillStyle === channelColor(channelId(1), "light"));
    expect(stripe?.args[1]).toBe(snap((blocked?.y ?? 0) + (blocked?.height ?? 0) - WAIT_STRIPE_HEIGHT, 1));
    expect(stripe?.args[3]).toBe(WAIT_STRIPE_HEIGHT);
  });

  it("an exited goroutine leaves a thin line in the exited colour, not a bar", () => {
    const canvas = new RecordingCanvas();
    paintSpans(canvas.ctx, layout, light);
    const exited = canvas.ops("fillRect").filter((c) => c.fillStyle === STATE_COLORS.light.exited);
    expect(exited.length).toBeGreaterThan(0);
    for (const c of exited) expect(c.args[3]).toBe(EXITED_BAR_HEIGHT);
  });

  it("a merged bar gets the theme's darker bottom edge", () => {
    const busy = busyModel(2000);
    const merged = layoutTimeline(busy, contextFor(busy, { width: 184 + 12 + 200, theme: "dark" }));
    const canvas = new RecordingCanvas();
    paintSpans(canvas.ctx, merged, THEMES.dark);
    const edges = canvas.ops("fillRect").filter((c) => c.fillStyle === THEMES.dark.mergedEdge);
    expect(edges.length).toBe(merged.rects.filter((r) => r.merged && r.state !== StateCode.exited).length);
    expect(edges.length).toBeGreaterThan(0);
    for (const c of edges) expect(c.args[3]).toBe(MERGED_EDGE_HEIGHT);
  });

  it("each state's colour is set once per frame, however many bars share it", () => {
    const busy = busyModel(200);
    const many = layoutTimeline(busy, contextFor(busy, { width: 3000 }));
    const canvas = new RecordingCanvas();
    paintSpans(canvas.ctx, many, light);
    const stateColours = new Set<string>(STATE_COLORS_BY_CODE.light);
    const bars = canvas.ops("fillRect").filter((c) => stateColours.has(c.fillStyle));
    const runs = bars.filter((c, i) => i === 0 || bars[i - 1]?.fillStyle !== c.fillStyle);
    expect(bars.length).toBeGreaterThan(100);
    expect(runs.length).toBe(new Set(bars.map((c) => c.fillStyle)).size);
  });
});

describe("painting badges", () => {
  const model = bufferModel();
  const layout = layoutTimeline(model, contextFor(model));
  const badge = (ch: SpanBadge["ch"]): SpanBadge => ({
    x: 300,
    y: 100,
    width: 80,
    height: 14,
    text: "waits on results",
    ch,
    g: goroutineId(1),
    span: 0,
  });

  it("a badge naming a channel is filled with the channel's colour and lettered to read on it", () => {
    const canvas = new RecordingCanvas();
    paintBadges(canvas.ctx, { ...layout, badges: [badge(channelId(1))] }, light);
    const fill = channelColor(channelId(1), "light");
    expect(canvas.ops("fill")[0]?.fillStyle).toBe(fill);
    const text = canvas.ops("fillText")[0];
    expect(text?.args).toEqual(["waits on results", 300 + BADGE_PAD, 100 + 7 + 0.5]);
    expect(text?.fillStyle).toBe(textOnColor(fill));
    expect(text?.font).toBe(light.badgeFont);
  });

  it("a badge naming no channel sits on the theme's badge background, in the theme's text colour", () => {
    for (const theme of ["light", "dark"] as const) {
      const canvas = new RecordingCanvas();
      const tokens = THEMES[theme];
      paintBadges(canvas.ctx, { ...layout, context: contextFor(model, { theme }), badges: [badge(undefined)] }, tokens);
      expect(canvas.ops("fill")[0]?.fillStyle).toBe(withAlpha(tokens.badgeBackground, 0.85));
      expect(canvas.ops("fillText")[0]?.fillStyle).toBe(tokens.text);
    }
  });
});

describe("painting spawn links", () => {
  it("a spawn link is a dotted vertical line in the muted text colour, on the device pixel's middle", () => {
    const canvas = new RecordingCanvas();
    paintSpawnLinks(canvas.ctx, [{ x: 300.2, y0: 100, y1: 160 }], 2, light);
    expect(canvas.ops("moveTo")[0]?.args).toEqual([300.25, 100]);
    expect(canvas.ops("lineTo")[0]?.args).toEqual([300.25, 160]);
    const stroke = canvas.ops("stroke")[0];
    expect(stroke?.strokeStyle).toBe(light.textMuted);
    expect(stroke?.lineDash).toEqual([2, 2]);
  });
});
