// Painting the channel track, in the channel's colour: the buffer's steps
// against its dashed capacity (a full buffer stands out), or a tick per
// handoff on an unbuffered channel; hatching after the close; and who waits on
// it, as bands in the waiting states' colours.

import { StateCode } from "../../../traces/model/index";
import { channelColor, STATE_COLORS_BY_CODE, withAlpha } from "../../theme/palette";
import { crisp, hatchPattern, snap, type Canvas2D } from "../canvas";
import { channelBandZone } from "../geometry";
import type { ChannelLaneLayout, TimelineLayout } from "../layoutTypes";
import type { RenderContext } from "../renderContext";

export function paintChannelLanes(ctx: Canvas2D, layout: TimelineLayout): void {
  for (const lane of layout.channelLanes) paintChannelLane(ctx, layout.context, lane);
}

/** Thickness of a wait band: thicker as more goroutines wait, so two or three waiters read differently from one. */
export const waitBandHeight = (count: number): number => 3 + 2 * Math.min(Math.max(count - 1, 0), 2);

/** One channel lane: wait bands along the top and bottom edges, the buffer (or the handoffs) in between, hatched after its close. */
export function paintChannelLane(ctx: Canvas2D, rc: RenderContext, lane: ChannelLaneLayout): void {
  const dpr = rc.dpr;
  const { plot } = rc.geometry;
  const color = channelColor(lane.ch, rc.theme);
  const states = STATE_COLORS_BY_CODE[rc.theme];
  const zone = channelBandZone(lane.height);
  const top = lane.y + zone + 1;
  const bottom = lane.y + lane.height - zone - 1;
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
  // Who waits on it: senders along the top edge, receivers along the bottom, in their states' colours (thinner in a squeezed lane).
  const edge = Math.min(2, zone - 3);
  const band = (count: number): number => Math.min(waitBandHeight(count), zone - edge);
  ctx.fillStyle = states[StateCode.blockedSend] as string;
  for (const b of lane.senders) ctx.fillRect(b.x, lane.y + edge, b.width, band(b.count));
  ctx.fillStyle = states[StateCode.blockedRecv] as string;
  for (const b of lane.receivers) {
    const h = band(b.count);
    ctx.fillRect(b.x, lane.y + lane.height - edge - h, b.width, h);
  }
  if (lane.closedX !== undefined && lane.closedX >= plot.x && lane.closedX <= plot.x + plot.width) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(lane.closedX, top - 2);
    ctx.lineTo(lane.closedX, bottom + 2);
    ctx.stroke();
  }
}
