// The boxes the wait-for graph's labels take: how wide a label's text is (a
// character-width model, so the layout is the same in tests and on screen),
// and which boxes overlap. The model is calibrated on the widest font the
// CSS may fall back to (DejaVu Sans Bold, Linux's system-ui): narrower fonts
// leave a little more room, never less.

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export const boxAround = (x: number, y: number, halfWidth: number, halfHeight: number): Box => ({
  left: x - halfWidth,
  top: y - halfHeight,
  right: x + halfWidth,
  bottom: y + halfHeight,
});

/** Whether two boxes come closer than `gap` (touching at gap 0 is not overlapping). */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

export interface LabelBox {
  readonly key: string;
  readonly box: Box;
}

/** Every pair of labels whose boxes overlap, as their keys (a sweep from left to right: not every pair is compared). */
export function overlappingLabels(labels: readonly LabelBox[], gap = 0): readonly (readonly [string, string])[] {
  const byLeft = [...labels].sort((a, b) => a.box.left - b.box.left);
  const pairs: (readonly [string, string])[] = [];
  let active: LabelBox[] = [];
  for (const l of byLeft) {
    active = active.filter((a) => a.box.right + gap > l.box.left);
    for (const a of active) if (boxesOverlap(a.box, l.box, gap)) pairs.push([a.key, l.key]);
    active.push(l);
  }
  return pairs;
}

/** The fonts of the graph's labels; wait-for-graph.css sets the same sizes. */
export type LabelFont = "node" | "code" | "edge";

export const NODE_FONT_PX = 11;
export const EDGE_FONT_PX = 10;

const NARROW = new Set([..."iljIJ.,:;'|!·"]);
const SLIM = new Set([..."ftr()[]/\\-"]);
const WIDE = new Set([..."mwMW…%@"]);

/** A bold character's advance in em. */
function boldEm(ch: string): number {
  if (NARROW.has(ch)) return 0.36;
  if (ch === " ") return 0.4;
  if (SLIM.has(ch)) return 0.5;
  if (WIDE.has(ch)) return 1.1;
  if (ch >= "0" && ch <= "9") return 0.7;
  if (ch >= "a" && ch <= "z") return 0.73;
  if (ch >= "A" && ch <= "Z") return 0.86;
  // Arrows, ×, letters of other scripts: as wide as an em.
  return 1;
}

/** The width of a label's text in CSS pixels, a little more than any font the CSS names draws it. */
export function labelWidth(text: string, font: LabelFont): number {
  const chars = [...text];
  switch (font) {
    case "code":
      // Monospace fonts advance 0.6 em (DejaVu Sans Mono, Menlo, SF Mono; Consolas 0.55).
      return chars.length * 0.61 * NODE_FONT_PX;
    case "node":
      return chars.reduce((w, ch) => w + boldEm(ch), 0) * NODE_FONT_PX;
    case "edge":
      // Regular weight is about nine tenths as wide as bold.
      return chars.reduce((w, ch) => w + boldEm(ch), 0) * 0.9 * EDGE_FONT_PX;
  }
}
