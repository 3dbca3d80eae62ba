import { describe, expect, it } from "vitest";
import {
  constrain,
  fitTransform,
  fitView,
  hiddenSides,
  MAX_SCALE,
  mostlyNewNodes,
  panBy,
  panView,
  READABLE_SCALE,
  viewForLayout,
  wheelZoomFactor,
  zoomAbout,
  zoomView,
  type Size,
} from "./graphViewport";

const PANEL: Size = { width: 400, height: 200 };

describe("fitting the wait-for graph to its panel", () => {
  it("centres a drawing smaller than the panel without magnifying it", () => {
    expect(fitTransform({ width: 200, height: 100 }, PANEL)).toEqual({ x: 100, y: 50, k: 1 });
  });

  it("shrinks a bigger drawing until all of it shows", () => {
    const t = fitTransform({ width: 400, height: 250 }, PANEL);
    expect(t.k).toBeCloseTo(0.8);
    expect(t.k * 250).toBeCloseTo(200);
    expect(t.x).toBeCloseTo((400 - 0.8 * 400) / 2);
  });

  it("fits a drawing too tall to show whole at a readable size to the panel's width, from its top", () => {
    expect(fitTransform({ width: 400, height: 1000 }, PANEL)).toEqual({ x: 0, y: 0, k: 1 });
    const wide = fitTransform({ width: 500, height: 1000 }, PANEL);
    expect(wide).toEqual({ x: 0, y: 0, k: 0.8 });
  });

  it("stops shrinking where text stays readable and then shows the top-left corner", () => {
    expect(fitTransform({ width: 2000, height: 1000 }, PANEL)).toEqual({ x: 0, y: 0, k: READABLE_SCALE });
  });
});

describe("zooming and panning the wait-for graph", () => {
  const content: Size = { width: 400, height: 200 };

  it("keeps the point under the pointer where it was", () => {
    const at = { x: 120, y: 80 };
    const t = zoomAbout({ x: 0, y: 0, k: 1 }, 2, at, content, PANEL);
    expect(t.k).toBe(2);
    // The drawing's point (120, 80) is still at (120, 80) on the panel.
    expect(t.x + 120 * t.k).toBeCloseTo(at.x);
    expect(t.y + 80 * t.k).toBeCloseTo(at.y);
  });

  it("zooms no further than the limits", () => {
    expect(zoomAbout({ x: 0, y: 0, k: 1 }, 100, { x: 0, y: 0 }, content, PANEL).k).toBe(MAX_SCALE);
    expect(zoomAbout({ x: 0, y: 0, k: 1 }, 0.01, { x: 0, y: 0 }, content, PANEL).k).toBe(READABLE_SCALE);
  });

  it("pans a magnified drawing but never past its edges", () => {
    const zoomed = { x: 0, y: 0, k: 2 };
    expect(panBy(zoomed, -50, -30, content, PANEL)).toEqual({ x: -50, y: -30, k: 2 });
    expect(panBy(zoomed, 50, 30, content, PANEL)).toEqual({ x: 0, y: 0, k: 2 });
    expect(panBy(zoomed, -5000, -5000, content, PANEL)).toEqual({ x: 400 - 800, y: 200 - 400, k: 2 });
  });

  it("keeps a drawing that fits the panel centred, however it is dragged", () => {
    expect(constrain({ x: 300, y: -80, k: 1 }, { width: 200, height: 100 }, PANEL)).toEqual({ x: 100, y: 50, k: 1 });
  });

  it("says on which sides some of the drawing is out of sight", () => {
    expect(hiddenSides({ x: 0, y: 0, k: 1 }, content, PANEL)).toEqual([]);
    expect(hiddenSides({ x: 0, y: 0, k: 2 }, content, PANEL)).toEqual(["right", "bottom"]);
    expect(hiddenSides({ x: -400, y: -200, k: 2 }, content, PANEL)).toEqual(["top", "left"]);
  });

  it("turns a wheel notch towards the person into zooming in, and away into zooming out", () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1.2);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1 / 1.2);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-48, 0));
    expect(wheelZoomFactor(-100_000, 0)).toBe(2);
  });
});

describe("the wait-for graph's view as the playhead moves", () => {
  const nodes = ["g1", "g2", "g3", "ch1"];
  const big: Size = { width: 800, height: 400 };
  const first = viewForLayout(undefined, nodes, big, PANEL);

  it("fits the graph when it first shows", () => {
    expect(first.fitted).toBe(true);
    expect(first.transform).toEqual(fitTransform(big, PANEL));
  });

  it("is the same view when nothing changed", () => {
    expect(viewForLayout(first, [...nodes], { ...big }, { ...PANEL })).toBe(first);
  });

  it("follows the fit while the person has not zoomed", () => {
    const next = viewForLayout(first, [...nodes, "g4"], { width: 400, height: 200 }, PANEL);
    expect(next.fitted).toBe(true);
    expect(next.transform).toEqual({ x: 0, y: 0, k: 1 });
  });

  it("keeps the person's zoom when a node comes or goes", () => {
    const zoomed = zoomView(first, 2, { x: 100, y: 100 });
    expect(zoomed.fitted).toBe(false);
    const next = viewForLayout(zoomed, [...nodes, "g4"], big, PANEL);
    expect(next.transform).toEqual(zoomed.transform);
    expect(next.fitted).toBe(false);
  });

  it("fits again when most of the nodes are new", () => {
    const panned = panView(zoomView(first, 2), -40, -40);
    const next = viewForLayout(panned, ["g7", "g8", "g9", "ch4", "g1"], big, PANEL);
    expect(next.fitted).toBe(true);
    expect(next.transform).toEqual(fitTransform(big, PANEL));
  });

  it("measures 'mostly new' against the nodes the person zoomed for, not the last step's", () => {
    let view = zoomView(first, 2);
    // One node replaced per step: each step alone is a small change.
    for (const [i, k] of ["g5", "g6", "g7"].entries()) {
      view = viewForLayout(view, [...nodes.slice(i + 1), ...["g5", "g6", "g7"].slice(0, i + 1)], big, PANEL);
      if (k !== "g7") expect(view.fitted).toBe(false);
    }
    expect(view.fitted).toBe(true);
  });

  it("fits again on Fit, and follows the fit from then on", () => {
    const fitted = fitView(zoomView(first, 2));
    expect(fitted.fitted).toBe(true);
    expect(fitted.transform).toEqual(first.transform);
  });

  it("stays fitted when a pan or zoom has nowhere to go", () => {
    const small = viewForLayout(undefined, nodes, { width: 100, height: 50 }, PANEL);
    expect(panView(small, 30, 30)).toBe(small);
  });

  it("calls a set of nodes mostly new when fewer than half are shared", () => {
    expect(mostlyNewNodes(["a", "b", "c", "d"], ["a", "b", "x", "y"])).toBe(false);
    expect(mostlyNewNodes(["a", "b", "c", "d"], ["a", "x", "y", "z"])).toBe(true);
    expect(mostlyNewNodes([], [])).toBe(false);
    expect(mostlyNewNodes([], ["a"])).toBe(true);
  });
});
