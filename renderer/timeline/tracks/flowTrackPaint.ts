// Painting the flows: in the background at reduced strength, batched per
// channel colour, and at full strength where the pointer or the selection
// brings them forward. Every one is clipped to the lanes' area: an arrow from
// a sender scrolled out of view ends at the lanes' edge instead of crossing
// the label gutter, the axis or the overview.

import type { ChannelId } from "../../../traces/events";
import { channelColor, withAlpha, type ThemeTokens } from "../../theme/palette";
import { clipTo, type Canvas2D } from "../canvas";
import { ARROW_HEAD_SIZE, GLYPH_RADIUS } from "../geometry";
import type { FlowArrow, TimelineLayout } from "../layoutTypes";
import type { RenderContext } from "../renderContext";
import { arrowCurve } from "./flowTrack";

/** Runs `paint` with the canvas clipped to the lanes' area (the plot), and restores it. */
function withinLanes(ctx: Canvas2D, rc: RenderContext, paint: () => void): void {
  ctx.save();
  clipTo(ctx, rc.geometry.plot);
  paint();
  ctx.restore();
}

/** Arrows in the background: present, but quieter than the spans they cross. */
const ARROW_ALPHA = 0.6;

/** The arrows in the background, per channel: a halo, the curve (dashed while pending) and the head. */
export function paintArrows(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const byChannel = new Map<ChannelId, FlowArrow[]>();
  for (const a of layout.arrows) {
    let list = byChannel.get(a.ch);
    if (list === undefined) byChannel.set(a.ch, (list = []));
    list.push(a);
  }
  if (byChannel.size > 0) withinLanes(ctx, rc, () => paintArrowBatches(ctx, rc, byChannel, tokens));
}

function paintArrowBatches(
  ctx: Canvas2D,
  rc: RenderContext,
  byChannel: ReadonlyMap<ChannelId, readonly FlowArrow[]>,
  tokens: ThemeTokens,
): void {
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

/** Arrows drawn at full strength over the static ones. */
export function paintFocusedArrows(ctx: Canvas2D, rc: RenderContext, arrows: readonly FlowArrow[], tokens: ThemeTokens): void {
  if (arrows.length > 0) withinLanes(ctx, rc, () => paintFullArrows(ctx, rc, arrows, tokens));
}

function paintFullArrows(ctx: Canvas2D, rc: RenderContext, arrows: readonly FlowArrow[], tokens: ThemeTokens): void {
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

/** The selected flow: its arrow thick in its channel's colour, with a ring in the selection colour at each end. */
export function paintSelectedArrow(ctx: Canvas2D, rc: RenderContext, a: FlowArrow, tokens: ThemeTokens): void {
  withinLanes(ctx, rc, () => {
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
  });
}

/** The arrow under the pointer, thickened. */
export function paintHoveredArrow(ctx: Canvas2D, rc: RenderContext, a: FlowArrow): void {
  withinLanes(ctx, rc, () => {
    ctx.lineWidth = 2.75;
    ctx.strokeStyle = channelColor(a.ch, rc.theme);
    ctx.beginPath();
    traceArrow(ctx, a);
    ctx.stroke();
  });
}

/** Adds an arrow's curve (a straight stub while pending) to the current path. */
export function traceArrow(ctx: Canvas2D, a: FlowArrow): void {
  const [x0, y0, c1x, c1y, c2x, c2y, x1, y1] = arrowCurve(a);
  ctx.moveTo(x0, y0);
  if (a.pending) ctx.lineTo(x1, y1);
  else ctx.bezierCurveTo(c1x, c1y, c2x, c2y, x1, y1);
}

/** The head at the receive, along the curve's last tangent. */
function traceArrowHead(ctx: Canvas2D, a: FlowArrow): void {
  const size = ARROW_HEAD_SIZE;
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
  const tipX = a.x1 - dx * GLYPH_RADIUS;
  const tipY = a.y1 - dy * GLYPH_RADIUS;
  const bx = tipX - dx * size;
  const by = tipY - dy * size;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(bx - dy * size * 0.55, by + dx * size * 0.55);
  ctx.lineTo(bx + dy * size * 0.55, by - dx * size * 0.55);
  ctx.closePath();
}
