import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../../../traces/events";
import { channelColor, THEMES, withAlpha } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { bufferModel, contextFor, handoffModel } from "../../testing/timelineFixtures";
import { layoutTimeline } from "../layout";
import type { FlowArrow } from "../layoutTypes";
import type { RenderContext } from "../renderContext";
import { paintArrows, paintFocusedArrows, paintHoveredArrow, paintSelectedArrow } from "./flowTrackPaint";

const light = THEMES.light;
const arrow = (a: Partial<FlowArrow>): FlowArrow => ({
  flow: 0,
  ch: channelId(2),
  sender: goroutineId(1),
  receiver: goroutineId(2),
  send: eventIndex(3),
  recv: eventIndex(6),
  x0: 300,
  y0: 100,
  x1: 400,
  y1: 140,
  direct: true,
  pending: false,
  ...a,
});

describe("painting arrows", () => {
  it("background arrows are drawn faintly over a halo in the background colour, one colour per channel", () => {
    const model = bufferModel();
    const layout = layoutTimeline(model, contextFor(model, { width: 1400 }));
    const canvas = new RecordingCanvas();
    paintArrows(canvas.ctx, layout, light);
    const strokes = canvas.ops("stroke");
    expect(strokes[0]?.strokeStyle).toBe(withAlpha(light.background, 0.7));
    expect(strokes[1]?.strokeStyle).toBe(channelColor(channelId(1), "light"));
    for (const s of strokes) expect(s.globalAlpha).toBe(0.6);
    expect(canvas.globalAlpha).toBe(1);
    // Halo and curve for each received value; the one still buffered is a straight stub.
    expect(canvas.ops("bezierCurveTo")).toHaveLength(2 * layout.arrows.filter((a) => !a.pending).length);
    expect(layout.arrows.filter((a) => a.pending)).toHaveLength(1);
  });

  it("a focused arrow is drawn at full strength with its head", () => {
    const canvas = new RecordingCanvas();
    paintFocusedArrows(canvas.ctx, contextFor(bufferModel()), [arrow({})], light);
    const [halo, curve] = canvas.ops("stroke");
    expect(halo?.lineWidth).toBe(4);
    expect(curve?.strokeStyle).toBe(channelColor(channelId(2), "light"));
    expect(curve?.lineDash).toEqual([]);
    expect(canvas.ops("fill")[0]?.fillStyle).toBe(channelColor(channelId(2), "light"));
  });

  it("a value never received is a dashed stub without a head", () => {
    const canvas = new RecordingCanvas();
    paintFocusedArrows(canvas.ctx, contextFor(bufferModel()), [arrow({ pending: true, recv: eventIndex(-1), x1: 314, y1: 100 })], light);
    expect(canvas.ops("stroke")[1]?.lineDash).toEqual([3, 2]);
    expect(canvas.ops("bezierCurveTo")).toHaveLength(0);
    expect(canvas.ops("fill")).toHaveLength(0);
  });
});

describe("arrows from a sender out of view", () => {
  // main (G1) hands 42 to the worker (G2); scrolled so that main's lane is above the plot's top edge.
  const model = handoffModel();
  const rc = contextFor(model, { height: 114, scrollTop: 40 });
  const layout = layoutTimeline(model, rc);
  const { plot } = rc.geometry;
  const offScreen = layout.arrows.find((a) => a.y0 < plot.y);

  /** The canvas was clipped to exactly the lanes' area before the first curve was drawn. */
  const clippedToLanesFirst = (canvas: RecordingCanvas, plotOf: RenderContext["geometry"]["plot"]): void => {
    const firstCurve = canvas.calls.findIndex((c) => c.op === "bezierCurveTo" || c.op === "lineTo");
    const clip = canvas.calls.findIndex((c) => c.op === "clip");
    expect(firstCurve).toBeGreaterThan(-1);
    expect(clip).toBeGreaterThan(-1);
    expect(clip).toBeLessThan(firstCurve);
    expect(canvas.calls[clip - 1]).toMatchObject({ op: "rect", args: [plotOf.x, plotOf.y, plotOf.width, plotOf.height] });
  };

  it("starts above the lanes' top edge", () => {
    expect(offScreen).toBeDefined();
    expect(offScreen?.y1).toBeGreaterThan(plot.y);
  });

  it("is clipped at the lanes' edge in the background, not drawn over the gutter or the axis", () => {
    const canvas = new RecordingCanvas();
    paintArrows(canvas.ctx, layout, light);
    clippedToLanesFirst(canvas, plot);
  });

  it("is clipped at the lanes' edge when in focus, selected or under the pointer", () => {
    const a = offScreen as FlowArrow;
    for (const paint of [
      (c: RecordingCanvas) => paintFocusedArrows(c.ctx, rc, [a], light),
      (c: RecordingCanvas) => paintSelectedArrow(c.ctx, rc, a, light),
      (c: RecordingCanvas) => paintHoveredArrow(c.ctx, rc, a),
    ]) {
      const canvas = new RecordingCanvas();
      paint(canvas);
      clippedToLanesFirst(canvas, plot);
    }
  });

  it("is clipped to a gutter the user widened", () => {
    const wide = contextFor(model, { height: 114, scrollTop: 40, gutterWidth: 300 });
    const canvas = new RecordingCanvas();
    paintArrows(canvas.ctx, layoutTimeline(model, wide), light);
    expect(wide.geometry.plot.x).toBe(300);
    clippedToLanesFirst(canvas, wide.geometry.plot);
  });
});
