// Painters: plain functions that draw a readonly layout onto a canvas 2D
// context (Excalidraw's way: React renders the wrapper, these paint). The
// static layer holds what changes with the window, the data or the theme; the
// interactive layer holds what changes with the pointer and the playhead.
// Fills are batched per colour: a frame sets each colour once, not per bar.

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import { StateCode, type TraceModel } from "../../traces/model/index";
import type { Nanos } from "../../traces/units";
import { formatTime } from "../../traces/vocabulary/index";
import {
  channelColor,
  STATE_COLORS_BY_CODE,
  textOnColor,
  themeTokens,
  withAlpha,
  type ThemeTokens,
} from "../theme/palette";
import type { Selection } from "./contract";
import { GUTTER_WIDTH, type Rect } from "./geometry";
import type { HitTarget } from "./hitTest";
import { arrowCurve, stateCodeAt, xOfEvent } from "./layout";
import type { ChannelLaneLayout, FlowArrow, Glyph, SpanRect, TextLabel, TimelineLayout } from "./layoutTypes";
import { OVERVIEW_STACK, type OverviewSummary } from "./overview";
import { goroutineLaneMiddle, type RenderContext, type TextFont } from "./renderContext";
import { selectionGeometry } from "./selectionGeometry";

export type Canvas2D = CanvasRenderingContext2D;

/** The CSS font for each TextFont, from the theme. */
export function fontOf(font: TextFont, tokens: ThemeTokens): string {
  switch (font) {
    case "label":
      return tokens.font;
    case "labelBold":
      return `600 ${tokens.font}`;
    case "badge":
      return tokens.badgeFont;
    case "axis":
      return tokens.axisFont;
  }
}

/** Snaps a coordinate to the device pixel grid, so edges stay crisp at any devicePixelRatio. */
const snap = (v: number, dpr: number): number => Math.round(v * dpr) / dpr;
/** The middle of a device pixel: where a one-device-pixel line is sharp. */
const crisp = (v: number, dpr: number): number => (Math.floor(v * dpr) + 0.5) / dpr;

function clipTo(ctx: Canvas2D, r: Rect): void {
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
}

// ---------------------------------------------------------------------------
// Static layer

export function paintStatic(ctx: Canvas2D, layout: TimelineLayout, model: TraceModel, overview: OverviewSummary | undefined): void {
  const rc = layout.context;
  const tokens = themeTokens(rc.theme);
  const { geometry: geo, dpr } = rc;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = tokens.background;
  ctx.fillRect(0, 0, geo.width, geo.height);

  ctx.save();
  clipTo(ctx, geo.plot);
  paintLaneBackgrounds(ctx, layout, tokens);
  paintGrid(ctx, layout, tokens);
  paintSpans(ctx, layout, tokens);
  paintChannelLanes(ctx, layout, tokens);
  paintArrows(ctx, layout, tokens);
  paintGlyphs(ctx, layout, tokens);
  paintBadges(ctx, layout, tokens);
  ctx.restore();

  paintGutter(ctx, layout, tokens);
  paintAxis(ctx, layout, tokens, model);
  if (overview !== undefined) paintOverview(ctx, rc, overview, tokens);
  paintCorner(ctx, layout, tokens);
}

function paintLaneBackgrounds(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const { plot } = layout.context.geometry;
  ctx.fillStyle = tokens.laneStripe;
  for (const lane of layout.lanes) {
    if (lane.row.kind === "header") continue;
    if (lane.striped) ctx.fillRect(plot.x, lane.y, plot.width, lane.height);
  }
  ctx.fillStyle = tokens.gutter;
  for (const lane of layout.lanes) if (lane.row.kind === "header") ctx.fillRect(plot.x, lane.y, plot.width, lane.height);
}

function paintGrid(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const { plot } = layout.context.geometry;
  const dpr = layout.context.dpr;
  ctx.strokeStyle = tokens.grid;
  ctx.lineWidth = 1 / dpr;
  ctx.beginPath();
  for (const tick of layout.ticks) {
    const x = crisp(tick.x, dpr);
    ctx.moveTo(x, plot.y);
    ctx.lineTo(x, plot.y + plot.height);
  }
  ctx.stroke();
}

export function paintSpans(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const dpr = rc.dpr;
  const colors = STATE_COLORS_BY_CODE[rc.theme];
  const minWidth = 1 / dpr;
  // One path per state colour.
  const byState = new Map<number, SpanRect[]>();
  for (const r of layout.rects) {
    let list = byState.get(r.state);
    if (list === undefined) byState.set(r.state, (list = []));
    list.push(r);
  }
  // fillRect per bar, not one path of many rects: Chromium rasterizes a many-contour path far more slowly.
  for (const [state, list] of byState) {
    ctx.fillStyle = colors[state] ?? tokens.textMuted;
    const gone = state === StateCode.exited;
    for (const r of list) {
      const x0 = snap(r.x, dpr);
      const x1 = Math.max(snap(r.x + r.width, dpr), x0 + minWidth);
      if (gone) {
        // An exited goroutine leaves a thin trace, not a bar: the eye goes to the living.
        const h = 2;
        ctx.fillRect(x0, snap(r.y + r.height / 2 - h / 2, dpr), x1 - x0, h);
      } else {
        ctx.fillRect(x0, snap(r.y, dpr), x1 - x0, snap(r.height, dpr));
      }
    }
  }
  // Deadlocked and leaked spans are hatched: parked for good.
  const hatch = hatchPattern(ctx, rc.theme === "dark" ? "rgba(0,0,0,0.35)" : "rgba(255,255,255,0.45)", dpr);
  if (hatch !== undefined) {
    ctx.fillStyle = hatch;
    for (const r of layout.rects) {
      if (r.state === StateCode.deadlocked || r.state === StateCode.leaked || r.state === StateCode.panicked) {
        ctx.fillRect(snap(r.x, dpr), snap(r.y, dpr), Math.max(snap(r.width, dpr), minWidth), snap(r.height, dpr));
      }
    }
  }
  // Merged bars get a darker bottom edge: "several spans here, zoom in".
  ctx.fillStyle = rc.theme === "dark" ? "rgba(255,255,255,0.22)" : "rgba(0,0,0,0.22)";
  for (const r of layout.rects) {
    if (r.merged && r.state !== StateCode.exited) ctx.fillRect(snap(r.x, dpr), snap(r.y + r.height - 2, dpr), Math.max(snap(r.width, dpr), minWidth), 2);
  }
  // The channel a blocked span waits on, as a stripe along its bottom in the channel's colour.
  const stripeH = 3;
  for (const r of layout.rects) {
    const chs = r.channels;
    // On slivers a stripe is only noise.
    if (chs.length === 0 || r.width < 3) continue;
    const part = r.width / chs.length;
    chs.forEach((ch, i) => {
      ctx.fillStyle = channelColor(ch, rc.theme);
      const x0 = snap(r.x + i * part, dpr);
      const x1 = Math.max(snap(r.x + (i + 1) * part, dpr), x0 + minWidth);
      ctx.fillRect(x0, snap(r.y + r.height - stripeH, dpr), x1 - x0, stripeH);
    });
  }
}

const hatchCache = new Map<string, CanvasPattern | null>();

function hatchPattern(ctx: Canvas2D, color: string, dpr: number): CanvasPattern | undefined {
  const key = `${color}@${dpr}`;
  let p = hatchCache.get(key);
  if (p === undefined) {
    const size = Math.round(6 * dpr);
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

function roundRect(ctx: Canvas2D, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

function paintBadges(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  ctx.font = tokens.badgeFont;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (const b of layout.badges) {
    const fill = b.ch === undefined ? (rc.theme === "dark" ? "#0d0f12" : "#ffffff") : channelColor(b.ch, rc.theme);
    ctx.beginPath();
    roundRect(ctx, b.x, b.y, b.width, b.height, 4);
    ctx.fillStyle = b.ch === undefined ? withAlpha(fill, 0.85) : fill;
    ctx.fill();
    ctx.fillStyle = b.ch === undefined ? tokens.text : textOnColor(fill);
    ctx.fillText(b.text, b.x + 4, b.y + b.height / 2 + 0.5);
  }
}

function paintChannelLanes(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  for (const lane of layout.channelLanes) paintChannelLane(ctx, rc, lane, tokens);
}

/** Inside a channel lane: wait bands along the top and bottom edges, the buffer in between. */
const CHANNEL_BAND_ZONE = 9;

/** Thickness of a wait band: thicker as more goroutines wait, so two or three waiters read differently from one. */
export const waitBandHeight = (count: number): number => 3 + 2 * Math.min(Math.max(count - 1, 0), 2);

function paintChannelLane(ctx: Canvas2D, rc: RenderContext, lane: ChannelLaneLayout, tokens: ThemeTokens): void {
  const dpr = rc.dpr;
  const { plot } = rc.geometry;
  const color = channelColor(lane.ch, rc.theme);
  const states = STATE_COLORS_BY_CODE[rc.theme];
  const top = lane.y + CHANNEL_BAND_ZONE + 1;
  const bottom = lane.y + lane.height - CHANNEL_BAND_ZONE - 1;
  const start = Math.max(plot.x, lane.madeX ?? plot.x);
  const end = Math.min(lane.xEnd, plot.x + plot.width);
  if (end <= start && lane.xs.length === 0) return;

  if (lane.closedX !== undefined && lane.closedX < end) {
    // After the close: hatched, nothing more can be sent.
    const x = Math.max(lane.closedX, start);
    const hatch = hatchPattern(ctx, withAlpha(color, 0.35), dpr);
    ctx.fillStyle = hatch ?? withAlpha(color, 0.1);
    ctx.fillRect(x, top, end - x, bottom - top);
  }

  if (lane.cap > 0) {
    const yOf = (v: number): number => bottom - (Math.min(v, lane.cap) / lane.cap) * (bottom - top);
    // The floor and, dashed, the capacity: the ceiling the buffer can fill up to.
    ctx.strokeStyle = withAlpha(color, 0.5);
    ctx.lineWidth = 1 / dpr;
    ctx.beginPath();
    ctx.moveTo(start, crisp(bottom, dpr));
    ctx.lineTo(end, crisp(bottom, dpr));
    ctx.stroke();
    // Dashes start on a device pixel: Chromium rasterizes a dash that ends mid-pixel one of two ways depending on the rest of the frame, so the same lane could come out a shade apart.
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(snap(start, dpr), crisp(top, dpr));
    ctx.lineTo(end, crisp(top, dpr));
    ctx.stroke();
    ctx.setLineDash([]);
    const xs = lane.xs;
    const vs = lane.values;
    if (xs.length > 0) {
      const stepEnd = (k: number): number => Math.max(k + 1 < xs.length ? (xs[k + 1] as number) : end, xs[k] as number);
      ctx.beginPath();
      ctx.moveTo(xs[0] as number, bottom);
      for (let k = 0; k < xs.length; k++) {
        const y = yOf(vs[k] as number);
        ctx.lineTo(xs[k] as number, y);
        ctx.lineTo(stepEnd(k), y);
      }
      ctx.lineTo(stepEnd(xs.length - 1), bottom);
      ctx.closePath();
      ctx.fillStyle = withAlpha(color, 0.3);
      ctx.fill();
      // A full buffer is where senders start to block: it stands out.
      ctx.fillStyle = withAlpha(color, 0.6);
      for (let k = 0; k < xs.length; k++) {
        if ((vs[k] as number) < lane.cap) continue;
        const x = xs[k] as number;
        ctx.fillRect(x, top, Math.max(stepEnd(k) - x, 1 / dpr), bottom - top);
      }
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.25;
      ctx.beginPath();
      for (let k = 0; k < xs.length; k++) {
        const y = yOf(vs[k] as number);
        if (k === 0) ctx.moveTo(xs[k] as number, y);
        else ctx.lineTo(xs[k] as number, y);
        ctx.lineTo(stepEnd(k), y);
      }
      ctx.stroke();
    }
  } else {
    // Unbuffered: a line, and a tick for every handoff (sends reach up, receives down).
    const mid = (top + bottom) / 2;
    ctx.strokeStyle = withAlpha(color, 0.5);
    ctx.lineWidth = 1 / dpr;
    ctx.beginPath();
    ctx.moveTo(start, crisp(mid, dpr));
    ctx.lineTo(end, crisp(mid, dpr));
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const tick of lane.ticks) {
      const x = crisp(tick.x, dpr);
      const up = tick.kind !== "recv";
      const down = tick.kind !== "send";
      ctx.moveTo(x, up ? top : mid);
      ctx.lineTo(x, down ? bottom : mid);
    }
    ctx.stroke();
  }
  // Who waits on it: senders along the top edge, receivers along the bottom, in their states' colours.
  ctx.fillStyle = states[StateCode.blockedSend] as string;
  for (const b of lane.senders) ctx.fillRect(b.x, lane.y + 2, b.width, waitBandHeight(b.count));
  ctx.fillStyle = states[StateCode.blockedRecv] as string;
  for (const b of lane.receivers) {
    const h = waitBandHeight(b.count);
    ctx.fillRect(b.x, lane.y + lane.height - 2 - h, b.width, h);
  }
  if (lane.closedX !== undefined && lane.closedX >= plot.x && lane.closedX <= plot.x + plot.width) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(lane.closedX, top - 2);
    ctx.lineTo(lane.closedX, bottom + 2);
    ctx.stroke();
  }
  void tokens;
}

function paintArrows(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const byChannel = new Map<ChannelId, FlowArrow[]>();
  for (const a of layout.arrows) {
    let list = byChannel.get(a.ch);
    if (list === undefined) byChannel.set(a.ch, (list = []));
    list.push(a);
  }
  ctx.lineWidth = 1.25;
  // Arrows stay in the background until the pointer or the selection picks some out (paintFocusedArrows).
  ctx.globalAlpha = ARROW_ALPHA;
  for (const [ch, list] of byChannel) {
    const color = channelColor(ch, rc.theme);
    // A halo in the background colour keeps arrows legible where they cross spans.
    ctx.strokeStyle = withAlpha(tokens.background, 0.7);
    ctx.lineWidth = 3;
    ctx.beginPath();
    for (const a of list) traceArrow(ctx, a);
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    for (const a of list) if (!a.pending) traceArrow(ctx, a);
    ctx.stroke();
    ctx.setLineDash([2, 2]);
    ctx.beginPath();
    for (const a of list) if (a.pending) traceArrow(ctx, a);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = color;
    ctx.beginPath();
    for (const a of list) if (!a.pending) traceArrowHead(ctx, a);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

const ARROW_ALPHA = 0.6;

/** Arrows drawn at full strength over the static ones. */
function paintFocusedArrows(ctx: Canvas2D, rc: RenderContext, arrows: readonly FlowArrow[], tokens: ThemeTokens): void {
  for (const a of arrows) {
    const color = channelColor(a.ch, rc.theme);
    ctx.strokeStyle = withAlpha(tokens.background, 0.85);
    ctx.lineWidth = 4;
    ctx.beginPath();
    traceArrow(ctx, a);
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(a.pending ? [3, 2] : []);
    ctx.beginPath();
    traceArrow(ctx, a);
    ctx.stroke();
    ctx.setLineDash([]);
    if (!a.pending) {
      ctx.fillStyle = color;
      ctx.beginPath();
      traceArrowHead(ctx, a);
      ctx.fill();
    }
  }
}

/** The arrows that belong to what is hovered or selected: a goroutine's, a channel's, an event's, or one flow. */
export function focusedArrows(layout: TimelineLayout, hover: HitTarget | undefined, selection: Selection | undefined): FlowArrow[] {
  const tests: ((a: FlowArrow) => boolean)[] = [];
  const byGoroutine = (g: number) => (a: FlowArrow) => a.sender === g || a.receiver === g;
  const byEvent = (i: number) => (a: FlowArrow) => a.send === i || a.recv === i;
  switch (hover?.kind) {
    case "span":
      tests.push(byGoroutine(hover.rect.g));
      break;
    case "goroutine-label":
      tests.push(byGoroutine(hover.g));
      break;
    case "glyph":
      tests.push(byEvent(hover.glyph.index));
      break;
    case "arrow":
      tests.push((a) => a.flow === hover.arrow.flow);
      break;
    case "channel-label":
    case "channel-lane":
      tests.push((a) => a.ch === hover.ch);
      break;
    default:
      break;
  }
  switch (selection?.kind) {
    case "goroutine":
    case "span":
      tests.push(byGoroutine(selection.g));
      break;
    case "event":
      tests.push(byEvent(selection.index));
      break;
    case "flow":
      tests.push((a) => a.flow === selection.flow);
      break;
    case "channel":
      tests.push((a) => a.ch === selection.ch);
      break;
    case undefined:
      break;
  }
  if (tests.length === 0) return [];
  return layout.arrows.filter((a) => tests.some((t) => t(a)));
}

export function traceArrow(ctx: Canvas2D, a: FlowArrow): void {
  const [x0, y0, c1x, c1y, c2x, c2y, x1, y1] = arrowCurve(a);
  ctx.moveTo(x0, y0);
  if (a.pending) ctx.lineTo(x1, y1);
  else ctx.bezierCurveTo(c1x, c1y, c2x, c2y, x1, y1);
}

function traceArrowHead(ctx: Canvas2D, a: FlowArrow): void {
  const size = 5.5;
  // Along the curve's last tangent (from the second control point to the end).
  const c = arrowCurve(a);
  let dx = c[6] - c[4];
  let dy = c[7] - c[5];
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) {
    dx = 1;
    dy = 0;
  } else {
    dx /= len;
    dy /= len;
  }
  // Stop short of the receive glyph's centre so the tip touches its rim.
  const tipX = a.x1 - dx * 3.5;
  const tipY = a.y1 - dy * 3.5;
  const bx = tipX - dx * size;
  const by = tipY - dy * size;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(bx - dy * size * 0.55, by + dx * size * 0.55);
  ctx.lineTo(bx + dy * size * 0.55, by - dx * size * 0.55);
  ctx.closePath();
}

export function paintGlyphs(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  for (const g of layout.glyphs) paintGlyph(ctx, g, rc, tokens, 1);
}

/** The goroutines whose spawn links show: the hovered or selected one (and, for a spawn glyph, its child). */
function focusedGoroutines(hover: HitTarget | undefined, selection: Selection | undefined): GoroutineId[] {
  const out: GoroutineId[] = [];
  if (hover?.kind === "span") out.push(hover.rect.g);
  if (hover?.kind === "goroutine-label") out.push(hover.g);
  if (selection?.kind === "span" || selection?.kind === "goroutine") out.push(selection.g);
  return out;
}

/** A dotted line from where a goroutine was started (its parent's spawn) down to its own lane. */
function paintSpawnLinks(ctx: Canvas2D, layout: TimelineLayout, model: TraceModel, goroutines: readonly GoroutineId[], hover: HitTarget | undefined, tokens: ThemeTokens): void {
  const rc = layout.context;
  ctx.strokeStyle = tokens.textMuted;
  ctx.lineWidth = 1.25;
  ctx.setLineDash([2, 2]);
  ctx.beginPath();
  const link = (x: number, y0: number, y1: number): void => {
    ctx.moveTo(crisp(x, rc.dpr), y0);
    ctx.lineTo(crisp(x, rc.dpr), y1);
  };
  for (const g of goroutines) {
    const info = model.goroutine(g);
    if (info?.spawn === undefined || info.parent === undefined) continue;
    const y0 = goroutineLaneMiddle(rc, info.parent);
    const y1 = goroutineLaneMiddle(rc, g);
    if (!Number.isNaN(y0) && !Number.isNaN(y1)) link(xOfEvent(model, rc, info.spawn.index), y0, y1);
  }
  if (hover?.kind === "glyph" && hover.glyph.kind === "spawn" && hover.glyph.childY !== undefined) link(hover.glyph.x, hover.glyph.y, hover.glyph.childY);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** One glyph; `scale` > 1 draws it larger (hover, selection). */
export function paintGlyph(ctx: Canvas2D, g: Glyph, rc: RenderContext, tokens: ThemeTokens, scale: number): void {
  const color = g.ch === undefined ? tokens.text : channelColor(g.ch, rc.theme);
  const r = 3.5 * scale;
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
    case "panic": {
      const s = 6 * scale;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y + s * 0.8);
      ctx.lineTo(x - s, y + s * 0.8);
      ctx.closePath();
      ctx.fillStyle = STATE_COLORS_BY_CODE[rc.theme][StateCode.panicked] as string;
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = "#ffffff";
      ctx.font = `700 ${Math.round(8 * scale)}px system-ui, sans-serif`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText("!", x, y + s * 0.25);
      return;
    }
  }
}

function paintLabels(ctx: Canvas2D, labels: readonly TextLabel[], roles: ReadonlySet<TextLabel["role"]>, color: (l: TextLabel) => string, tokens: ThemeTokens): void {
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

const GUTTER_ROLES: ReadonlySet<TextLabel["role"]> = new Set(["gutter", "gutter-muted", "header"]);
const AXIS_ROLES: ReadonlySet<TextLabel["role"]> = new Set(["axis", "axis-time"]);

function paintGutter(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const { gutter } = rc.geometry;
  const dpr = rc.dpr;
  ctx.save();
  clipTo(ctx, gutter);
  ctx.fillStyle = tokens.gutter;
  ctx.fillRect(gutter.x, gutter.y, gutter.width, gutter.height);
  for (const lane of layout.lanes) {
    if (lane.row.kind === "header") {
      ctx.fillStyle = tokens.background;
      ctx.fillRect(gutter.x, lane.y, gutter.width, lane.height);
      ctx.fillStyle = tokens.gutterBorder;
      ctx.fillRect(0, snap(lane.y + lane.height - 1, dpr), rc.geometry.width, 1 / dpr);
    } else if (lane.striped) {
      ctx.fillStyle = tokens.laneStripe;
      ctx.fillRect(gutter.x, lane.y, gutter.width, lane.height);
    }
    if (lane.row.kind === "channel") {
      // The channel's colour swatch: the key to its arrows, its lane and the badges naming it.
      ctx.fillStyle = channelColor(lane.row.ch, rc.theme);
      ctx.beginPath();
      roundRect(ctx, 10, lane.y + lane.height / 2 - 5, 10, 10, 2);
      ctx.fill();
    }
  }
  paintLabels(ctx, layout.labels, GUTTER_ROLES, (l) => (l.role === "gutter-muted" ? tokens.textMuted : l.role === "header" ? tokens.textMuted : tokens.text), tokens);
  ctx.restore();
  ctx.fillStyle = tokens.gutterBorder;
  ctx.fillRect(snap(GUTTER_WIDTH - 1, dpr), 0, 1 / dpr, rc.geometry.height);
}

function paintAxis(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens, model: TraceModel): void {
  const rc = layout.context;
  const { axis } = rc.geometry;
  const dpr = rc.dpr;
  ctx.fillStyle = tokens.gutter;
  ctx.fillRect(axis.x, axis.y, axis.width + (rc.geometry.width - axis.x - axis.width), axis.height);
  ctx.fillStyle = tokens.gutterBorder;
  ctx.fillRect(axis.x, snap(axis.y + axis.height - 1, dpr), rc.geometry.width - axis.x, 1 / dpr);
  ctx.save();
  clipTo(ctx, axis);
  ctx.strokeStyle = tokens.axis;
  ctx.lineWidth = 1 / dpr;
  ctx.beginPath();
  const bottom = axis.y + axis.height - 1;
  for (const t of layout.ticks) {
    const x = crisp(t.x, dpr);
    ctx.moveTo(x, bottom);
    ctx.lineTo(x, bottom - 5);
  }
  for (const t of layout.timeMarks) {
    const x = crisp(t.x, dpr);
    ctx.moveTo(x, bottom);
    ctx.lineTo(x, bottom - 3);
  }
  ctx.stroke();
  paintLabels(ctx, layout.labels, AXIS_ROLES, (l) => (l.role === "axis-time" ? tokens.textMuted : tokens.text), tokens);
  ctx.restore();
  void model;
}

function paintCorner(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const { axis, overview } = rc.geometry;
  ctx.fillStyle = tokens.gutter;
  ctx.fillRect(0, 0, GUTTER_WIDTH - 1, axis.y + axis.height - 1);
  ctx.fillStyle = tokens.gutterBorder;
  ctx.fillRect(0, snap(overview.height - 1, rc.dpr), rc.geometry.width, 1 / rc.dpr);
  ctx.font = tokens.axisFont;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  ctx.fillStyle = tokens.textMuted;
  const right = GUTTER_WIDTH - 10;
  ctx.fillText("whole run", right, overview.height / 2);
  if (rc.axis === "sequence") {
    ctx.fillText("event #", right, axis.y + 10);
    ctx.fillText("virtual time", right, axis.y + 24);
  } else {
    ctx.fillText("time", right, axis.y + axis.height / 2);
  }
  if (!layout.eventDetail || layout.arrowsDropped > 0) {
    const { plot } = rc.geometry;
    const text = !layout.eventDetail
      ? `${layout.eventsInWindow.toLocaleString("en")} events in view: zoom in for sends, receives and arrows`
      : `${layout.arrowsDropped.toLocaleString("en")} arrows not drawn: zoom in`;
    ctx.font = tokens.axisFont;
    const w = ctx.measureText(text).width + 12;
    ctx.fillStyle = withAlpha(tokens.gutter, 0.92);
    ctx.beginPath();
    roundRect(ctx, plot.x + plot.width - w - 6, plot.y + 4, w, 18, 4);
    ctx.fill();
    ctx.fillStyle = tokens.textMuted;
    ctx.textAlign = "left";
    ctx.fillText(text, plot.x + plot.width - w, plot.y + 13);
  }
}

/** The overview's bars, painted once per summary, theme and pixel ratio and then copied in each frame. */
const overviewImages = new WeakMap<OverviewSummary, { key: string; image: OffscreenCanvas }>();

function overviewImage(summary: OverviewSummary, rc: RenderContext, tokens: ThemeTokens): OffscreenCanvas | undefined {
  const { overview } = rc.geometry;
  const key = `${rc.theme}@${rc.dpr}@${overview.width}x${overview.height}`;
  const cached = overviewImages.get(summary);
  if (cached?.key === key) return cached.image;
  if (typeof OffscreenCanvas !== "function") return undefined;
  const image = new OffscreenCanvas(Math.max(1, Math.round(overview.width * rc.dpr)), Math.max(1, Math.round(overview.height * rc.dpr)));
  const ctx = image.getContext("2d");
  if (ctx === null) return undefined;
  ctx.scale(rc.dpr, rc.dpr);
  const colors = STATE_COLORS_BY_CODE[rc.theme];
  const top = 3;
  const h = overview.height - 6;
  const colW = overview.width / summary.columns;
  const peak = summary.peak > 0 ? summary.peak : 1;
  const base = new Float32Array(summary.columns);
  for (const code of OVERVIEW_STACK) {
    const load = summary.load[code];
    if (load === undefined) continue;
    ctx.fillStyle = colors[code] ?? tokens.textMuted;
    for (let c = 0; c < summary.columns; c++) {
      const v = load[c] as number;
      if (v <= 0) continue;
      const y0 = (base[c] as number) / peak;
      const y1 = y0 + v / peak;
      base[c] = (base[c] as number) + v;
      const py1 = top + h - y0 * h;
      const py0 = top + h - y1 * h;
      ctx.fillRect(c * colW, py0, colW + 0.02, py1 - py0);
    }
  }
  overviewImages.set(summary, { key, image });
  return image;
}

export function paintOverview(ctx: Canvas2D, rc: RenderContext, summary: OverviewSummary, tokens: ThemeTokens): void {
  const { overview } = rc.geometry;
  ctx.fillStyle = tokens.gutter;
  ctx.fillRect(overview.x, 0, rc.geometry.width - overview.x, overview.height - 1);
  const image = overviewImage(summary, rc, tokens);
  if (image !== undefined) ctx.drawImage(image, overview.x, 0, overview.width, overview.height);
  // The visible window: everything outside it is veiled.
  const d = summary.domain;
  const scale = overview.width / (d.end - d.start);
  const wx0 = Math.max(overview.x, overview.x + (rc.window.start - d.start) * scale);
  const wx1 = Math.min(overview.x + overview.width, overview.x + (rc.window.end - d.start) * scale);
  ctx.fillStyle = tokens.overviewShade;
  ctx.fillRect(overview.x, 0, Math.max(0, wx0 - overview.x), overview.height - 1);
  ctx.fillRect(wx1, 0, Math.max(0, overview.x + overview.width - wx1), overview.height - 1);
  ctx.strokeStyle = tokens.selection;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(wx0 + 0.75, 1.5, Math.max(2, wx1 - wx0 - 1.5), overview.height - 4);
}

/** Where the window sits in the overview strip (screen x), for hit testing the drag handle. */
export function overviewWindowX(rc: RenderContext, summary: OverviewSummary): readonly [number, number] {
  const { overview } = rc.geometry;
  const d = summary.domain;
  const scale = overview.width / (d.end - d.start);
  return [overview.x + (rc.window.start - d.start) * scale, overview.x + (rc.window.end - d.start) * scale];
}

// ---------------------------------------------------------------------------
// Interactive layer

export interface InteractiveState {
  readonly playhead: EventIndex;
  readonly selection: Selection | undefined;
  readonly hover: HitTarget | undefined;
}

export function paintInteractive(ctx: Canvas2D, layout: TimelineLayout, model: TraceModel, state: InteractiveState, overview: OverviewSummary | undefined): void {
  const rc = layout.context;
  const tokens = themeTokens(rc.theme);
  const { geometry: geo, dpr } = rc;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, geo.width, geo.height);
  const { plot } = geo;
  const playheadX = state.playhead >= 0 && model.length > 0 ? xOfEvent(model, rc, state.playhead) : plot.x;

  ctx.save();
  clipTo(ctx, { x: 0, y: plot.y, width: geo.width, height: plot.height });
  paintSelection(ctx, layout, model, state.selection, tokens);
  paintHover(ctx, layout, state.hover, tokens);
  ctx.restore();
  ctx.save();
  clipTo(ctx, plot);
  paintSpawnLinks(ctx, layout, model, focusedGoroutines(state.hover, state.selection), state.hover, tokens);
  const focused = focusedArrows(layout, state.hover, state.selection);
  paintFocusedArrows(ctx, rc, focused, tokens);
  // Their ends stay on top of them.
  const ends = new Set<number>();
  for (const a of focused) {
    ends.add(a.send);
    ends.add(a.recv);
  }
  for (const g of layout.glyphs) if (ends.has(g.index)) paintGlyph(ctx, g, rc, tokens, 1);
  ctx.restore();

  paintGutterState(ctx, layout, model, state.playhead, tokens);
  paintPlayhead(ctx, layout, model, state.playhead, playheadX, tokens, overview);
}

function paintPlayhead(
  ctx: Canvas2D,
  layout: TimelineLayout,
  model: TraceModel,
  playhead: EventIndex,
  x: number,
  tokens: ThemeTokens,
  overview: OverviewSummary | undefined,
): void {
  const rc = layout.context;
  const { plot, axis } = rc.geometry;
  if (overview !== undefined && model.length > 0) {
    const d = overview.domain;
    const ox = rc.geometry.overview.x + (xOfPlayhead(rc, model, playhead) - d.start) * (rc.geometry.overview.width / (d.end - d.start));
    ctx.fillStyle = tokens.playhead;
    ctx.fillRect(snap(ox, rc.dpr) - 1, 0, 2, rc.geometry.overview.height - 1);
  }
  if (x < plot.x - 1 || x > plot.x + plot.width + 1) return;
  // The handle on the axis, with the event number and its time.
  const text = playhead < 0 ? "start" : `#${playhead.toLocaleString("en")} · ${formatTime(model.time(playhead))}`;
  ctx.font = `600 ${tokens.axisFont}`;
  const w = ctx.measureText(text).width + 10;
  const hx = Math.min(Math.max(x - w / 2, axis.x), axis.x + axis.width - w);
  const hy = axis.y + axis.height - 17;
  // An axis label the handle covers only in part would stick out of it half cut ("#54 · 1s s"): hide each one it touches.
  ctx.fillStyle = tokens.gutter;
  for (const l of layout.labels) {
    if (!AXIS_ROLES.has(l.role) || l.x > hx + w + 2 || l.x + l.width < hx - 2 || l.y > hy + 15 || l.y + l.height < hy) continue;
    ctx.fillRect(l.x - 1, l.y, l.width + 2, l.height);
  }
  ctx.fillStyle = tokens.playhead;
  ctx.fillRect(snap(x, rc.dpr) - 1, axis.y, 2, plot.y + plot.height - axis.y);
  ctx.beginPath();
  roundRect(ctx, hx, hy, w, 15, 3);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, hx + 5, axis.y + axis.height - 9);
}

const xOfPlayhead = (rc: RenderContext, model: TraceModel, playhead: EventIndex): number =>
  rc.axis === "sequence" ? Math.max(playhead, 0) : (model.columns.t[Math.max(0, playhead)] as Nanos);

/** In the gutter, each goroutine's state at the playhead (a dot) and each channel's length (n/cap). */
function paintGutterState(ctx: Canvas2D, layout: TimelineLayout, model: TraceModel, playhead: EventIndex, tokens: ThemeTokens): void {
  const rc = layout.context;
  const colors = STATE_COLORS_BY_CODE[rc.theme];
  const { gutter } = rc.geometry;
  ctx.save();
  clipTo(ctx, gutter);
  ctx.font = tokens.axisFont;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  for (const lane of layout.lanes) {
    const row = lane.row;
    const cy = lane.y + lane.height / 2;
    if (row.kind === "goroutine") {
      const code = playhead < 0 ? StateCode.none : stateCodeAt(row.info, playhead);
      if (code === StateCode.none) {
        ctx.strokeStyle = tokens.textMuted;
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.arc(15, cy, 3.5, 0, Math.PI * 2);
        ctx.stroke();
        continue;
      }
      ctx.fillStyle = colors[code] ?? tokens.textMuted;
      ctx.beginPath();
      ctx.arc(15, cy, 4.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = tokens.gutterBorder;
      ctx.lineWidth = 1;
      ctx.stroke();
    } else if (row.kind === "channel") {
      const info = row.info;
      if (playhead < 0 || (info.made !== undefined && info.made.index > playhead)) continue;
      if (info.cap === 0) continue;
      const len = info.occupancy.at(playhead);
      const closed = info.closed !== undefined && info.closed.at.index <= playhead;
      const text = `${len}/${info.cap}${closed ? " ✕" : ""}`;
      ctx.fillStyle = info.cap > 0 && len >= info.cap ? channelColor(row.ch, rc.theme) : tokens.textMuted;
      ctx.fillText(text, gutter.width - 10, cy);
    }
  }
  ctx.restore();
}

function paintSelection(ctx: Canvas2D, layout: TimelineLayout, model: TraceModel, selection: Selection | undefined, tokens: ThemeTokens): void {
  if (selection === undefined) return;
  const rc = layout.context;
  const geo = selectionGeometry(model, rc, selection);
  if (geo === undefined) return;
  ctx.strokeStyle = tokens.selection;
  ctx.fillStyle = withAlpha(tokens.selection.startsWith("#") ? tokens.selection : "#1c7ed6", 0.12);
  switch (geo.kind) {
    case "lane":
      ctx.fillRect(0, geo.y, rc.geometry.width, geo.height);
      ctx.lineWidth = 1.5;
      ctx.strokeRect(0.75, geo.y + 0.75, rc.geometry.width - 1.5, geo.height - 1.5);
      return;
    case "rect":
      ctx.lineWidth = 2;
      ctx.strokeRect(geo.x - 1, geo.y - 1, Math.max(geo.width, 1) + 2, geo.height + 2);
      return;
    case "event":
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(crisp(geo.x, rc.dpr), rc.geometry.plot.y);
      ctx.lineTo(crisp(geo.x, rc.dpr), rc.geometry.plot.y + rc.geometry.plot.height);
      ctx.stroke();
      ctx.setLineDash([]);
      if (!Number.isNaN(geo.y)) {
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(geo.x, geo.y, 8, 0, Math.PI * 2);
        ctx.stroke();
      }
      return;
    case "flow": {
      const a = geo.arrow;
      ctx.lineWidth = 3;
      ctx.strokeStyle = channelColor(a.ch, rc.theme);
      ctx.beginPath();
      traceArrow(ctx, a);
      ctx.stroke();
      ctx.strokeStyle = tokens.selection;
      ctx.lineWidth = 2;
      for (const [x, y] of [
        [a.x0, a.y0],
        [a.x1, a.y1],
      ] as const) {
        ctx.beginPath();
        ctx.arc(x, y, 7, 0, Math.PI * 2);
        ctx.stroke();
      }
      return;
    }
  }
}

function paintHover(ctx: Canvas2D, layout: TimelineLayout, hover: HitTarget | undefined, tokens: ThemeTokens): void {
  if (hover === undefined) return;
  const rc = layout.context;
  ctx.strokeStyle = tokens.hover;
  switch (hover.kind) {
    case "span": {
      const r = hover.rect;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(r.x - 0.75, r.y - 0.75, Math.max(r.width, 1) + 1.5, r.height + 1.5);
      return;
    }
    case "glyph":
      paintGlyph(ctx, hover.glyph, rc, tokens, 1.5);
      return;
    case "arrow":
      ctx.lineWidth = 2.75;
      ctx.strokeStyle = channelColor(hover.arrow.ch, rc.theme);
      ctx.beginPath();
      traceArrow(ctx, hover.arrow);
      ctx.stroke();
      return;
    case "goroutine-label":
    case "channel-label":
    case "channel-lane": {
      const y = hover.kind === "goroutine-label" ? goroutineLaneMiddle(rc, hover.g) : hover.laneY;
      const h = hover.kind === "goroutine-label" ? 24 : hover.laneHeight;
      const top = hover.kind === "goroutine-label" ? y - h / 2 : y;
      ctx.fillStyle = withAlpha(rc.theme === "dark" ? "#ffffff" : "#000000", 0.04);
      ctx.fillRect(0, top, rc.geometry.width, h);
      if (hover.kind === "channel-lane" && hover.tick !== undefined) {
        ctx.strokeStyle = channelColor(hover.ch, rc.theme);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(crisp(hover.tick.x, rc.dpr), top);
        ctx.lineTo(crisp(hover.tick.x, rc.dpr), top + h);
        ctx.stroke();
      }
      return;
    }
  }
}

