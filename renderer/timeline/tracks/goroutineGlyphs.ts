// The goroutine track's events: a glyph on the lane for each send, receive,
// close, select, spawn, cancel and panic (thinned where they crowd), a mark on
// the lane's top edge for each line the program printed, what is under the
// pointer among them, and how each one is drawn.

import type { ChannelId, EventIndex, EventKind, GoroutineId, PanicEvent } from "../../../traces/events";
import { StateCode, type TraceModel } from "../../../traces/model/index";
import { channelColor, STATE_COLORS_BY_CODE, type ThemeTokens } from "../../theme/palette";
import type { Canvas2D } from "../canvas";
import { GLYPH_MIN_GAP, GLYPH_RADIUS, OUTPUT_MARK_RISE } from "../geometry";
import type { EventRange, Glyph, GlyphKind, TimelineLayout } from "../layoutTypes";
import { goroutineLaneMiddle, type RenderContext } from "../renderContext";

/** The glyph an event kind gets, or undefined for events that are not drawn. */
export function glyphKindOf(kind: EventKind): GlyphKind | undefined {
  switch (kind) {
    case "spawn":
    case "send":
    case "recv":
    case "close":
    case "select":
    case "panic":
      return kind;
    case "ctx.cancel":
      return "cancel";
    case "output":
      return "output";
    case "exit":
    case "make":
    case "block":
    case "unblock":
    case "run":
    case "yield":
    case "timer":
    case "io":
    case "sync.make":
    case "lock":
    case "unlock":
    case "wg.add":
    case "wg.wait":
    case "once":
    case "sync.op":
    case "ctx.make":
    case "deadlock":
    case "leak":
    case "warn":
    case "end":
      return undefined;
  }
}

/**
 * The glyphs of the events in `range`; with no event detail, only the panics
 * and the printed lines (what must never be missed; the lines are few: a run
 * records at most OUTPUT_EVENTS_MAX).
 */
export function layoutGlyphs(model: TraceModel, rc: RenderContext, range: EventRange, eventDetail: boolean): Glyph[] {
  const cols = model.columns;
  const glyphs: Glyph[] = [];
  const { plot } = rc.geometry;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  const lastX = new Map<GoroutineId, number>();
  const add = (i: EventIndex, kind: GlyphKind, always: boolean): void => {
    const g = cols.g[i] as GoroutineId;
    const y = goroutineLaneMiddle(rc, g);
    if (!(y > top - 8 && y < bottom + 8)) return;
    const x = rc.scale.xOfEvent(model, i);
    const before = lastX.get(g);
    if (!always && before !== undefined && x - before < GLYPH_MIN_GAP) return;
    lastX.set(g, x);
    let ch: ChannelId | undefined;
    let empty = false;
    let childY: number | undefined;
    switch (kind) {
      case "send":
      case "recv":
      case "close":
        ch = model.channelOf(i);
        empty = kind === "recv" && model.receivedOk(i) === false;
        break;
      case "select":
        ch = chosenChannel(model, i);
        empty = ch === undefined;
        break;
      case "spawn": {
        const child = model.spawned(i);
        const cy = child === undefined ? Number.NaN : goroutineLaneMiddle(rc, child);
        // Only the part of the link that can be seen: a dashed line thousands of pixels long costs a frame.
        childY = Number.isNaN(cy) ? undefined : Math.min(Math.max(cy, top - 4), bottom + 4);
        break;
      }
      case "cancel":
      case "panic":
      case "output":
        break;
    }
    glyphs.push({ kind, index: i, g, x, y, ch, empty, childY });
  };
  // Printed lines sit on the lane's top edge, apart from the other glyphs, and are thinned among themselves.
  const lastOutputX = new Map<GoroutineId, number>();
  const output = model.output;
  for (let k = firstAtOrAfter(output, range[0]); k < output.length && (output[k] as number) < range[1]; k++) {
    const i = output[k] as EventIndex;
    const g = cols.g[i] as GoroutineId;
    const y = goroutineLaneMiddle(rc, g) - OUTPUT_MARK_RISE;
    if (!(y > top - 8 && y < bottom + 8)) continue;
    const x = rc.scale.xOfEvent(model, i);
    const before = lastOutputX.get(g);
    if (before !== undefined && x - before < GLYPH_MIN_GAP) continue;
    lastOutputX.set(g, x);
    const e = model.event(i);
    glyphs.push({
      kind: "output",
      index: i,
      g,
      x,
      y,
      ch: undefined,
      empty: e.kind === "output" && e.stream === "stderr",
      childY: undefined,
    });
  }
  if (eventDetail) {
    for (let i = range[0]; i < range[1]; i++) {
      const kind = glyphKindOf(model.kind(i));
      if (kind !== undefined && kind !== "output") add(i, kind, kind === "panic");
    }
  } else {
    for (const p of model.ending.panics) {
      if (p.index >= range[0] && p.index < range[1] && (model.event(p.index) as PanicEvent).kind === "panic") add(p.index, "panic", true);
    }
  }
  return glyphs;
}

/** The first position in a sorted list of event indices holding `i` or a later one. */
function firstAtOrAfter(list: { readonly length: number; readonly [k: number]: EventIndex }, i: EventIndex): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The channel a select event's chosen case used, or undefined for default (or not a select). */
function chosenChannel(model: TraceModel, selectIndex: EventIndex): ChannelId | undefined {
  const id = model.selects.ofEvent(selectIndex);
  if (id === undefined) return undefined;
  const d = model.selects.decision(id);
  if (d.at.index !== selectIndex || d.chosen < 0) return undefined;
  return d.cases[d.chosen]?.ch ?? undefined;
}

// ---------------------------------------------------------------------------
// Hit testing

export interface GlyphHit {
  readonly kind: "glyph";
  readonly glyph: Glyph;
}

/** How near the pointer must be to a glyph's centre. */
const GLYPH_HIT_RADIUS = 7;

/** The glyph nearest (x, y) within reach. */
export function hitGlyph(layout: TimelineLayout, x: number, y: number): GlyphHit | undefined {
  let glyph: Glyph | undefined;
  let best = GLYPH_HIT_RADIUS * GLYPH_HIT_RADIUS;
  for (const g of layout.glyphs) {
    const d = (g.x - x) ** 2 + (g.y - y) ** 2;
    if (d <= best) {
      best = d;
      glyph = g;
    }
  }
  return glyph === undefined ? undefined : { kind: "glyph", glyph };
}

// ---------------------------------------------------------------------------
// Painting

export function paintGlyphs(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  for (const g of layout.glyphs) paintGlyph(ctx, g, rc, tokens, 1);
}

/** One glyph; `scale` > 1 draws it larger (hover, selection). */
export function paintGlyph(ctx: Canvas2D, g: Glyph, rc: RenderContext, tokens: ThemeTokens, scale: number): void {
  const color = g.ch === undefined ? tokens.text : channelColor(g.ch, rc.theme);
  const r = GLYPH_RADIUS * scale;
  const { x, y } = g;
  ctx.lineWidth = 1.25 * scale;
  ctx.strokeStyle = tokens.glyphOutline;
  ctx.fillStyle = color;
  ctx.beginPath();
  switch (g.kind) {
    case "send":
      // Filled: a value leaves.
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      return;
    case "recv":
      // Hollow: a value arrives (slashed when it was the zero value of a closed channel).
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fillStyle = tokens.glyphOutline;
      ctx.fill();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.75 * scale;
      ctx.stroke();
      if (g.empty) {
        ctx.beginPath();
        ctx.moveTo(x - r, y + r);
        ctx.lineTo(x + r, y - r);
        ctx.stroke();
      }
      return;
    case "close": {
      const s = r + 0.5;
      ctx.strokeStyle = tokens.glyphOutline;
      ctx.lineWidth = 3.5 * scale;
      ctx.moveTo(x - s, y - s);
      ctx.lineTo(x + s, y + s);
      ctx.moveTo(x + s, y - s);
      ctx.lineTo(x - s, y + s);
      ctx.stroke();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.75 * scale;
      ctx.stroke();
      return;
    }
    case "select": {
      const s = r + 1;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y);
      ctx.lineTo(x, y + s);
      ctx.lineTo(x - s, y);
      ctx.closePath();
      if (g.empty) {
        // Took the default case.
        ctx.fillStyle = tokens.glyphOutline;
        ctx.fill();
        ctx.strokeStyle = tokens.text;
        ctx.stroke();
      } else {
        ctx.fill();
        ctx.stroke();
      }
      return;
    }
    case "spawn": {
      const s = r;
      ctx.strokeStyle = tokens.glyphOutline;
      ctx.lineWidth = 4 * scale;
      ctx.moveTo(x - s, y);
      ctx.lineTo(x + s, y);
      ctx.moveTo(x, y - s);
      ctx.lineTo(x, y + s);
      ctx.stroke();
      ctx.strokeStyle = tokens.text;
      ctx.lineWidth = 1.75 * scale;
      ctx.stroke();
      return;
    }
    case "cancel": {
      ctx.arc(x, y, r + 0.5, 0, Math.PI * 2);
      ctx.fillStyle = tokens.glyphOutline;
      ctx.fill();
      ctx.strokeStyle = STATE_COLORS_BY_CODE[rc.theme][StateCode.panicked] as string;
      ctx.lineWidth = 1.5 * scale;
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x - r * 0.7, y + r * 0.7);
      ctx.lineTo(x + r * 0.7, y - r * 0.7);
      ctx.stroke();
      return;
    }
    case "output": {
      // A small flag pointing down at the bar: a line printed here (in the panicked colour for stderr).
      const w = 3.5 * scale;
      const h = 4.5 * scale;
      ctx.moveTo(x - w, y - h / 2);
      ctx.lineTo(x + w, y - h / 2);
      ctx.lineTo(x, y + h / 2);
      ctx.closePath();
      ctx.fillStyle = g.empty ? (STATE_COLORS_BY_CODE[rc.theme][StateCode.panicked] as string) : tokens.text;
      ctx.lineWidth = 1 * scale;
      ctx.stroke();
      ctx.fill();
      return;
    }
    case "panic": {
      const s = 6 * scale;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y + s * 0.8);
      ctx.lineTo(x - s, y + s * 0.8);
      ctx.closePath();
      ctx.fillStyle = STATE_COLORS_BY_CODE[rc.theme][StateCode.panicked] as string;
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = tokens.glyphMark;
      ctx.font = `700 ${Math.round(8 * scale)}px ${tokens.glyphFontFamily}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText("!", x, y + s * 0.25);
      return;
    }
  }
}
