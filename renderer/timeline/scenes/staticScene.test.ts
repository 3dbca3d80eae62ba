import { describe, expect, it } from "vitest";
import { THEMES } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { contextFor, handoffModel } from "../../testing/timelineFixtures";
import { layoutTimeline } from "../layout";
import { paintStatic } from "./staticScene";

describe("the static scene", () => {
  const model = handoffModel();

  it("fills the canvas with the theme's background at the device pixel ratio, then clips the tracks to the plot", () => {
    for (const theme of ["light", "dark"] as const) {
      const rc = contextFor(model, { theme, dpr: 2 });
      const canvas = new RecordingCanvas();
      paintStatic(canvas.ctx, layoutTimeline(model, rc), undefined);
      expect(canvas.calls[0]).toMatchObject({ op: "setTransform", args: [2, 0, 0, 2, 0, 0] });
      expect(canvas.calls[1]).toMatchObject({
        op: "fillRect",
        args: [0, 0, rc.geometry.width, rc.geometry.height],
        fillStyle: THEMES[theme].background,
      });
      const { plot } = rc.geometry;
      expect(canvas.ops("rect")[0]?.args).toEqual([plot.x, plot.y, plot.width, plot.height]);
    }
  });

  it("writes the gutter's and the axis's labels in the theme's text colours", () => {
    const rc = contextFor(model);
    const layout = layoutTimeline(model, rc);
    const canvas = new RecordingCanvas();
    paintStatic(canvas.ctx, layout, undefined);
    const texts = new Map(canvas.ops("fillText").map((c) => [c.args[0], c.fillStyle]));
    for (const l of layout.labels) {
      if (l.role === "badge") continue;
      const muted = l.role === "gutter-muted" || l.role === "header" || l.role === "axis-time";
      expect(texts.get(l.text)).toBe(muted ? THEMES.light.textMuted : THEMES.light.text);
    }
  });
});
