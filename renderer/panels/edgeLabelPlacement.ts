// Where an edge's label goes: on its edge, at the first of a few spots along
// it (the middle first) and beside it, where it covers no node and no label
// placed before it. A label with no free spot on its edge goes in a row under
// the drawing, with a leader to its edge: it is never drawn over another.

import { boxAround, boxesOverlap, type Box } from "./labelBoxes";

export interface LabelRequest {
  /** The edge's visible segment, from border to border. */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
}

export interface LabelPlacement {
  readonly x: number;
  readonly y: number;
  /** False: no room on its edge, set under the drawing (draw a leader to `anchor`). */
  readonly onEdge: boolean;
  /** The point of the edge the label stands for. */
  readonly anchorX: number;
  readonly anchorY: number;
}

/** Fractions of the edge tried in turn: the middle, then out towards both ends. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9] as const;
/** Room kept between a label and any other box. */
export const LABEL_GAP = 2;

/** Boxes bucketed on a coarse grid, so each test looks only at its neighbours. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}

  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.left / this.cell); i <= Math.floor(b.right / this.cell); i++)
      for (let j = Math.floor(b.top / this.cell); j <= Math.floor(b.bottom / this.cell); j++) keys.push(`${i},${j}`);
    return keys;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list === undefined) this.cells.set(k, [b]);
      else list.push(b);
    }
  }

  hits(b: Box, gap: number): boolean {
    const grown = { left: b.left - gap, top: b.top - gap, right: b.right + gap, bottom: b.bottom + gap };
    return this.keys(grown).some((k) => (this.cells.get(k) ?? []).some((o) => boxesOverlap(o, b, gap)));
  }
}

const inside = (b: Box, area: Box): boolean => b.left >= area.left && b.right <= area.right && b.top >= area.top && b.bottom <= area.bottom;

/** The spots tried for one label, best first: on the line, then just off it on either side. */
function candidates(r: LabelRequest): { x: number; y: number }[] {
  const dx = r.x2 - r.x1;
  const dy = r.y2 - r.y1;
  const length = Math.hypot(dx, dy);
  // The unit normal, and how far along it the box must move to clear the line.
  const [nx, ny] = length === 0 ? [0, 1] : [-dy / length, dx / length];
  const clear = Math.abs(nx) * r.halfWidth + Math.abs(ny) * r.halfHeight + LABEL_GAP;
  return ALONG.flatMap((t) => {
    const x = r.x1 + dx * t;
    const y = r.y1 + dy * t;
    return [
      { x, y },
      { x: x + nx * clear, y: y + ny * clear },
      { x: x - nx * clear, y: y - ny * clear },
    ];
  });
}

/**
 * Places each label (in the order given: the first get the best spots) inside
 * `area`, clear of every obstacle and of every label placed before it. Those
 * that find no spot go in rows from `area.bottom` down; `bottom` is where the
 * last such row ends (`area.bottom` when there is none).
 */
export function placeEdgeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  area: Box,
): { readonly placements: readonly LabelPlacement[]; readonly bottom: number } {
  const taken = new BoxGrid(64);
  for (const o of obstacles) taken.add(o);
  const placements: LabelPlacement[] = [];
  const homeless: number[] = [];
  requests.forEach((r, i) => {
    const anchorX = (r.x1 + r.x2) / 2;
    const anchorY = (r.y1 + r.y2) / 2;
    for (const c of candidates(r)) {
      const box = boxAround(c.x, c.y, r.halfWidth, r.halfHeight);
      if (inside(box, area) && !taken.hits(box, LABEL_GAP)) {
        taken.add(box);
        placements[i] = { x: c.x, y: c.y, onEdge: true, anchorX, anchorY };
        return;
      }
    }
    homeless.push(i);
  });
  // Rows under the drawing: each label as near under its edge as the row allows.
  let bottom = area.bottom;
  const rows: { y: number; boxes: Box[] }[] = [];
  for (const i of homeless) {
    const r = requests[i] as LabelRequest;
    const anchorX = (r.x1 + r.x2) / 2;
    const anchorY = (r.y1 + r.y2) / 2;
    const x = Math.min(Math.max(anchorX, area.left + r.halfWidth), Math.max(area.left + r.halfWidth, area.right - r.halfWidth));
    let row = rows.find((w) => !w.boxes.some((b) => boxesOverlap(b, boxAround(x, w.y, r.halfWidth, r.halfHeight), LABEL_GAP)));
    if (row === undefined) {
      row = { y: bottom + LABEL_GAP * 2 + r.halfHeight, boxes: [] };
      rows.push(row);
      bottom = row.y + r.halfHeight;
    }
    row.boxes.push(boxAround(x, row.y, r.halfWidth, r.halfHeight));
    placements[i] = { x, y: row.y, onEdge: false, anchorX, anchorY };
  }
  return { placements, bottom };
}
