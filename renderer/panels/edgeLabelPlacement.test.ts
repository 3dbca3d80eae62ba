import { describe, expect, it } from "vitest";
import { placeEdgeLabels, type LabelRequest } from "./edgeLabelPlacement";
import { boxAround, boxesOverlap, type Box } from "./labelBoxes";

const AREA: Box = { left: 0, top: 0, right: 400, bottom: 300 };
const edge = (x1: number, y1: number, x2: number, y2: number): LabelRequest => ({ x1, y1, x2, y2, halfWidth: 15, halfHeight: 7 });

describe("placing an edge's label", () => {
  it("puts it in the middle of its edge when nothing is there", () => {
    const { placements, bottom } = placeEdgeLabels([edge(0, 100, 200, 100)], [], AREA);
    expect(placements[0]).toEqual({ x: 100, y: 100, onEdge: true, anchorX: 100, anchorY: 100 });
    expect(bottom).toBe(AREA.bottom);
  });

  it("moves it along its edge, off a node that covers the middle", () => {
    const node = boxAround(100, 100, 30, 11);
    const [p] = placeEdgeLabels([edge(0, 100, 200, 100)], [node], AREA).placements;
    expect(p?.onEdge).toBe(true);
    expect(p?.y).toBe(100);
    expect(boxesOverlap(boxAround(p?.x ?? 0, p?.y ?? 0, 15, 7), node)).toBe(false);
  });

  it("never puts the labels of edges that cross at their middles on each other", () => {
    const requests = [edge(50, 50, 250, 250), edge(50, 250, 250, 50), edge(150, 20, 150, 280)];
    const { placements } = placeEdgeLabels(requests, [], AREA);
    const boxes = placements.map((p) => boxAround(p.x, p.y, 15, 7));
    expect(placements.every((p) => p.onEdge)).toBe(true);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
  });

  it("sets a label with no room on its edge in a row under the drawing, pointing at its edge", () => {
    const everything = boxAround(200, 150, 200, 150);
    const { placements, bottom } = placeEdgeLabels([edge(0, 100, 200, 100), edge(0, 120, 200, 120)], [everything], AREA);
    expect(placements.map((p) => p.onEdge)).toEqual([false, false]);
    expect(placements[0]).toMatchObject({ anchorX: 100, anchorY: 100 });
    const boxes = placements.map((p) => boxAround(p.x, p.y, 15, 7));
    for (const b of boxes) expect(b.top).toBeGreaterThan(AREA.bottom);
    expect(boxesOverlap(boxes[0] as Box, boxes[1] as Box)).toBe(false);
    expect(bottom).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.bottom)));
  });
});
