// WCAG 2 contrast between a text colour and what it is drawn on. Colours are
// CSS strings (#rgb, #rrggbb, rgb(), rgba()); a translucent colour is laid
// over the one under it first, as the canvas and the browser do.

/** Body text needs this much contrast (WCAG 2, level AA). */
export const MIN_TEXT_CONTRAST = 4.5;

export interface Rgba {
  /** 0–255 */
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0–1 */
  readonly a: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const FUNC = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i;

/** A CSS colour as channels; undefined for anything but hex and rgb()/rgba(). */
export function parseColor(css: string): Rgba | undefined {
  const text = css.trim();
  const hex = HEX.exec(text);
  if (hex !== null) {
    const digits = hex[1] as string;
    const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
    const n = parseInt(full, 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 1 };
  }
  const fn = FUNC.exec(text);
  if (fn === null) return undefined;
  return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: fn[4] === undefined ? 1 : Number(fn[4]) };
}

function parseOrThrow(css: string): Rgba {
  const c = parseColor(css);
  if (c === undefined) throw new Error(`not a colour: ${css}`);
  return c;
}

const hex2 = (v: number): string =>
  Math.round(Math.min(255, Math.max(0, v)))
    .toString(16)
    .padStart(2, "0");

/** An opaque colour as #rrggbb. */
export const toHex = (c: Rgba): string => `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}`;

/** `top` painted over `bottom` (source-over), as an opaque #rrggbb. The bottom colour counts as opaque. */
export function composite(top: string, bottom: string): string {
  const t = parseOrThrow(top);
  const b = parseOrThrow(bottom);
  const mix = (x: number, y: number): number => x * t.a + y * (1 - t.a);
  return toHex({ r: mix(t.r, b.r), g: mix(t.g, b.g), b: mix(t.b, b.b), a: 1 });
}

/** WCAG relative luminance, 0 (black) to 1 (white), of an opaque colour. */
export function luminance(c: Rgba): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/**
 * The WCAG contrast ratio (1 to 21) of `text` drawn on `background`. A
 * translucent text colour is laid over the background first; the background
 * counts as opaque (lay washes over their surface with `composite`).
 */
export function contrastRatio(text: string, background: string): number {
  const fg = luminance(parseOrThrow(composite(text, background)));
  const bg = luminance(parseOrThrow(background));
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}

/**
 * `color`, darkened (on light backgrounds) or lightened (on dark ones) just
 * enough to read as text on every one of `backgrounds`: the hue stays, only
 * the lightness moves.
 */
export function readableOn(color: string, backgrounds: readonly string[], min: number = MIN_TEXT_CONTRAST): string {
  const base = parseOrThrow(color);
  const start = toHex(base);
  const reads = (c: string): boolean => backgrounds.every((bg) => contrastRatio(c, bg) >= min);
  if (reads(start)) return start;
  const meanLuminance = backgrounds.reduce((sum, bg) => sum + luminance(parseOrThrow(bg)), 0) / Math.max(backgrounds.length, 1);
  const target = meanLuminance > 0.18 ? 0 : 255;
  for (let step = 1; step <= 50; step++) {
    const k = step / 50;
    const mix = (v: number): number => v + (target - v) * k;
    const candidate = toHex({ r: mix(base.r), g: mix(base.g), b: mix(base.b), a: 1 });
    if (reads(candidate)) return candidate;
  }
  return toHex({ r: target, g: target, b: target, a: 1 });
}
