import { describe, expect, it } from "vitest";
import type { Rect } from "../geometry";
import { AXIS_HEIGHT, PLAYHEAD_HANDLE_BOTTOM, PLAYHEAD_HANDLE_HEIGHT } from "../geometry";
import type { TextLabel } from "../layoutTypes";
import { axisLabelsUnder, playheadHandleBox } from "./axis";

const axis: Rect = { x: 184, y: 30, width: 800, height: AXIS_HEIGHT };

/** An axis label `width` wide at x, in the first row (event numbers) or the second (virtual time). */
const label = (text: string, x: number, row: 1 | 2, width = 20): TextLabel => ({
  text,
  x,
  y: row === 1 ? axis.y + 3 : axis.y + 17,
  width,
  height: 14,
  font: "axis",
  role: row === 1 ? "axis" : "axis-time",
  align: "left",
});

const intersects = (a: Rect, b: TextLabel): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("the playhead's handle on the axis", () => {
  it("sits at the strip's foot, centred on the playhead, its words padded", () => {
    const h = playheadHandleBox(axis, 500, 60);
    expect(h).toEqual({
      x: 465,
      y: axis.y + AXIS_HEIGHT - PLAYHEAD_HANDLE_HEIGHT - PLAYHEAD_HANDLE_BOTTOM,
      width: 70,
      height: PLAYHEAD_HANDLE_HEIGHT,
    });
  });

  it("stays inside the strip at either end", () => {
    expect(playheadHandleBox(axis, axis.x, 60).x).toBe(axis.x);
    const right = playheadHandleBox(axis, axis.x + axis.width, 60);
    expect(right.x + right.width).toBe(axis.x + axis.width);
  });

  it("never covers a tick label: each label its box overlaps, even in part, is hidden", () => {
    const h = playheadHandleBox(axis, 500, 60); // x 465..535, y 47..62
    const labels = [
      label("under", 490, 2),
      label("half in on the left", 455, 2),
      label("half in on the right", 530, 2),
      label("beside, a hair away", 536, 2),
      label("clear to the left", 400, 2),
      label("clear to the right", 600, 2),
      label("row above", 490, 1),
    ];
    const hidden = axisLabelsUnder(labels, h).map((l) => l.text);
    expect(hidden).toEqual(["under", "half in on the left", "half in on the right", "beside, a hair away"]);
    // What is left shown never meets the handle.
    for (const l of labels.filter((l) => !hidden.includes(l.text))) expect(intersects(h, l)).toBe(false);
  });

  it("in time mode hides the tick label it sits on, in the strip's single row", () => {
    const h = playheadHandleBox(axis, 500, 60);
    const centred: TextLabel = { ...label("20ms", 490, 1), y: axis.y + (AXIS_HEIGHT - 14) / 2 };
    expect(axisLabelsUnder([centred], h)).toEqual([centred]);
  });

  it("leaves the gutter's labels alone", () => {
    const h = playheadHandleBox(axis, 500, 60);
    const gutter: TextLabel = { ...label("G1", 490, 2), role: "gutter" };
    expect(axisLabelsUnder([gutter], h)).toEqual([]);
  });
});
