import { describe, expect, it } from "vitest";
import { eventIndex, goroutineId } from "../../../traces/events";
import { THEMES } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { contextFor, handoffModel } from "../../testing/timelineFixtures";
import { snap } from "../canvas";
import { axisLabelsUnder, playheadHandleBox } from "../chrome/axis";
import type { Selection } from "../contract";
import { GOROUTINE_LANE_HEIGHT } from "../geometry";
import type { HitTarget } from "../hitTest";
import { layoutTimeline } from "../layout";
import { goroutineLaneMiddle } from "../renderContext";
import { interactiveLayout } from "./interactiveLayout";
import { paintInteractive } from "./interactiveScene";

const model = handoffModel();

function paint(o: { playhead?: number; selection?: Selection; hover?: HitTarget; theme?: "light" | "dark" } = {}) {
  const rc = contextFor(model, { width: 1400, theme: o.theme });
  const layout = layoutTimeline(model, rc);
  const scene = interactiveLayout(
    model,
    layout,
    { playhead: eventIndex(o.playhead ?? 5), selection: o.selection, hover: o.hover },
    undefined,
  );
  const canvas = new RecordingCanvas();
  paintInteractive(canvas.ctx, layout, scene);
  return { canvas, rc, scene, layout };
}

describe("the interactive scene", () => {
  it("starts from a cleared layer", () => {
    const { canvas, rc } = paint();
    expect(canvas.calls.find((c) => c.op === "clearRect")?.args).toEqual([0, 0, rc.geometry.width, rc.geometry.height]);
  });

  it("the playhead is a line in the playhead colour from the axis down, with a handle in the theme's playhead text", () => {
    for (const theme of ["light", "dark"] as const) {
      const { canvas, rc, scene } = paint({ theme });
      const tokens = THEMES[theme];
      const { axis, plot } = rc.geometry;
      const line = canvas.ops("fillRect").find((c) => c.fillStyle === tokens.playhead);
      expect(line?.args).toEqual([snap(scene.playhead.x, 1) - 1, axis.y, 2, plot.y + plot.height - axis.y]);
      const label = canvas.ops("fillText").find((c) => c.args[0] === scene.playhead.label);
      expect(label?.fillStyle).toBe(tokens.playheadText);
      expect(label?.font).toBe(`600 ${tokens.axisFont}`);
    }
  });

  it("axis labels the playhead's handle covers are hidden under the axis colour, the row above it stays", () => {
    const { canvas, layout, scene, rc } = paint({ playhead: 0 });
    const handle = playheadHandleBox(rc.geometry.axis, scene.playhead.x, canvas.measureText(scene.playhead.label).width);
    const covered = axisLabelsUnder(layout.labels, handle);
    expect(covered.length).toBeGreaterThan(0);
    const masks = canvas.ops("fillRect").filter((c) => c.fillStyle === THEMES.light.gutter);
    for (const l of covered) expect(masks.some((m) => m.args[0] === l.x - 1 && m.args[1] === l.y)).toBe(true);
    // The event number above the handle is not in its way.
    const above = layout.labels.find((l) => l.role === "axis" && l.text === "0");
    expect(above).toBeDefined();
    expect(masks.some((m) => m.args[0] === (above?.x ?? 0) - 1 && m.args[1] === above?.y)).toBe(false);
    const label = canvas.ops("fillText").find((c) => c.args[0] === scene.playhead.label);
    expect(label?.args[1]).toBe(handle.x + 5);
  });

  it("a selected goroutine's lane is washed in the selection fill and outlined in the selection colour", () => {
    const { canvas, rc } = paint({ selection: { kind: "goroutine", g: goroutineId(2) } });
    const y = goroutineLaneMiddle(rc, goroutineId(2)) - GOROUTINE_LANE_HEIGHT / 2;
    const wash = canvas.ops("fillRect").find((c) => c.fillStyle === THEMES.light.selectionFill);
    expect(wash?.args).toEqual([0, y, rc.geometry.width, GOROUTINE_LANE_HEIGHT]);
    const outline = canvas.ops("strokeRect").find((c) => c.strokeStyle === THEMES.light.selection);
    expect(outline?.args[1]).toBe(y + 0.75);
  });

  it("a hovered goroutine label washes its whole lane, one lane high", () => {
    for (const theme of ["light", "dark"] as const) {
      const { canvas, rc } = paint({ hover: { kind: "goroutine-label", g: goroutineId(1) }, theme });
      const wash = canvas.ops("fillRect").find((c) => c.fillStyle === THEMES[theme].hoverLane);
      expect(wash?.args).toEqual([
        0,
        goroutineLaneMiddle(rc, goroutineId(1)) - GOROUTINE_LANE_HEIGHT / 2,
        rc.geometry.width,
        GOROUTINE_LANE_HEIGHT,
      ]);
    }
  });

  it("each goroutine's state at the playhead is a dot in the gutter", () => {
    const { canvas, scene } = paint({ playhead: 7 });
    const dots = canvas.ops("arc").filter((c) => c.args[0] === 15);
    expect(dots.map((c) => c.args[1])).toEqual(scene.gutter.map((m) => m.y));
  });
});
