// Drawing helpers every painter shares: pixel snapping, clipping, rounded
// rectangles, the hatch pattern, fonts and label runs. Painters are plain
// functions over a canvas 2D context (Excalidraw's way: React renders the
// wrapper, these paint).

import type { ThemeTokens } from "../theme/palette";
import { HATCH_TILE, type Rect } from "./geometry";
import type { TextLabel } from "./layoutTypes";
import type { TextFont } from "./renderContext";

export type Canvas2D = CanvasRenderingContext2D;

/** The gutter's font size in lanes squeezed below SMALL_LABEL_LANE. */
const SMALL_LABEL_PX = 9;

/** The CSS font for each TextFont, from the theme. */
export function fontOf(font: TextFont, tokens: ThemeTokens): string {
  switch (font) {
    case "label":
      return tokens.font;
    case "labelBold":
      return `600 ${tokens.font}`;
    case "labelSmall":
      return `600 ${SMALL_LABEL_PX}px ${tokens.glyphFontFamily}`;
    case "badge":
      return tokens.badgeFont;
    case "axis":
      return tokens.axisFont;
  }
}

/** Snaps a coordinate to the device pixel grid, so edges stay crisp at any devicePixelRatio. */
export const snap = (v: number, dpr: number): number => Math.round(v * dpr) / dpr;
/** The middle of a device pixel: where a one-device-pixel line is sharp. */
export const crisp = (v: number, dpr: number): number => (Math.floor(v * dpr) + 0.5) / dpr;

export function clipTo(ctx: Canvas2D, r: Rect): void {
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
}

/** Adds a rounded rectangle to the current path. */
export function roundRect(ctx: Canvas2D, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

const hatchCache = new Map<string, CanvasPattern | null>();

/** Diagonal hatching in `color`, one tile per colour and pixel ratio (undefined where there is no OffscreenCanvas). */
export function hatchPattern(ctx: Canvas2D, color: string, dpr: number): CanvasPattern | undefined {
  const key = `${color}@${dpr}`;
  let p = hatchCache.get(key);
  if (p === undefined) {
    const size = Math.round(HATCH_TILE * dpr);
    const tile = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(size, size) : undefined;
    const tctx = tile?.getContext("2d");
    if (tile === undefined || tctx === null || tctx === undefined) return undefined;
    tctx.strokeStyle = color;
    tctx.lineWidth = 1.5 * dpr;
    tctx.beginPath();
    tctx.moveTo(0, size);
    tctx.lineTo(size, 0);
    tctx.moveTo(-size / 2, size / 2);
    tctx.lineTo(size / 2, -size / 2);
    tctx.moveTo(size / 2, size * 1.5);
    tctx.lineTo(size * 1.5, size / 2);
    tctx.stroke();
    p = ctx.createPattern(tile, "repeat");
    p?.setTransform(new DOMMatrix([1 / dpr, 0, 0, 1 / dpr, 0, 0]));
    hatchCache.set(key, p);
  }
  return p ?? undefined;
}

/** The labels of the given roles, each in its font and the colour `color` gives it; the font is set only when it changes. */
export function paintLabels(
  ctx: Canvas2D,
  labels: readonly TextLabel[],
  roles: ReadonlySet<TextLabel["role"]>,
  color: (l: TextLabel) => string,
  tokens: ThemeTokens,
): void {
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  let font = "";
  for (const l of labels) {
    if (!roles.has(l.role)) continue;
    const f = fontOf(l.font, tokens);
    if (f !== font) ctx.font = font = f;
    ctx.fillStyle = color(l);
    ctx.fillText(l.text, l.x, l.y + l.height / 2 + 0.5);
  }
}
