// The flows: an arrow for each value's way from its send to the receive that
// took it, drawn over the goroutine lanes; the curve, what is under the
// pointer, and the words for it. Painting is in flowTrackPaint.ts.

import type { ChannelId, EventIndex, GoroutineId } from "../../../traces/events";
import type { TraceModel } from "../../../traces/model/index";
import { goroutineLabelOf } from "../../../traces/vocabulary/index";
import { MAX_ARROWS } from "../geometry";
import type { EventRange, FlowArrow, TimelineLayout } from "../layoutTypes";
import { goroutineLaneMiddle, type RenderContext } from "../renderContext";
import { at, chName, type Description } from "../words";

/** How far right of its send a value never received ends (a dangling stub). */
const PENDING_STUB = 14;

/** Flow `f` on screen, ends unclamped; undefined when its sender or receiver has no lane. */
export function flowArrowOf(model: TraceModel, rc: RenderContext, f: number): FlowArrow | undefined {
  const flows = model.flows;
  const y0 = goroutineLaneMiddle(rc, flows.sender[f] as GoroutineId);
  const recv = flows.recv[f] as EventIndex;
  const pending = recv < 0;
  const y1 = pending ? y0 : goroutineLaneMiddle(rc, flows.receiver[f] as GoroutineId);
  if (Number.isNaN(y0) || Number.isNaN(y1)) return undefined;
  const send = flows.send[f] as EventIndex;
  const x0 = rc.scale.xOfEvent(model, send);
  return {
    flow: f,
    ch: flows.ch[f] as ChannelId,
    sender: flows.sender[f] as GoroutineId,
    receiver: pending ? (-1 as GoroutineId) : (flows.receiver[f] as GoroutineId),
    send,
    recv,
    x0,
    y0,
    x1: pending ? x0 + PENDING_STUB : rc.scale.xOfEvent(model, recv),
    y1,
    direct: flows.direct[f] === 1,
    pending,
  };
}

/** The arrows of the flows whose send or receive is in `range`, at most MAX_ARROWS (the rest counted as dropped). */
export function layoutArrows(model: TraceModel, rc: RenderContext, range: EventRange): { arrows: FlowArrow[]; dropped: number } {
  const flows = model.flows;
  const arrows: FlowArrow[] = [];
  const { plot } = rc.geometry;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  let dropped = 0;
  // Keep far-away endpoints finite but off screen, so the curve keeps its direction without costing a long stroke.
  const clampX = (x: number): number => Math.min(Math.max(x, plot.x - 3000), plot.x + plot.width + 3000);
  const clampY = (y: number): number => Math.min(Math.max(y, top - 1500), bottom + 1500);
  const add = (f: number): void => {
    if (arrows.length >= MAX_ARROWS) {
      dropped++;
      return;
    }
    const a = flowArrowOf(model, rc, f);
    if (a === undefined) return;
    if ((a.y0 < top && a.y1 < top) || (a.y0 > bottom && a.y1 > bottom)) return;
    const x0 = clampX(a.x0);
    arrows.push({ ...a, x0, y0: clampY(a.y0), x1: a.pending ? x0 + PENDING_STUB : clampX(a.x1), y1: clampY(a.y1) });
  };
  for (let i = range[0]; i < range[1]; i++) {
    const f = flows.ofEvent(i);
    if (f === undefined) continue;
    if (flows.send[f] === i) {
      const recv = flows.recv[f] as EventIndex;
      // Receives inside the range add their own flow; here only those received later, or never.
      if (recv < 0 || recv >= range[1]) add(f);
    } else add(f);
  }
  return { arrows, dropped };
}

/**
 * The cubic curve of a flow arrow [x0, y0, c1x, c1y, c2x, c2y, x1, y1]: it
 * leaves the send steeply towards the receiver's lane (so it does not run along
 * the sender's lane over its other glyphs) and arrives level into the receive.
 * Within one lane it arcs above it.
 */
export function arrowCurve(a: FlowArrow): readonly [number, number, number, number, number, number, number, number] {
  const dx = a.x1 - a.x0;
  const dy = a.y1 - a.y0;
  if (Math.abs(dy) < 1) {
    const lift = Math.min(14, 6 + Math.abs(dx) * 0.1);
    return [a.x0, a.y0, a.x0 + dx * 0.25, a.y0 - lift, a.x1 - dx * 0.25, a.y1 - lift, a.x1, a.y1];
  }
  const reach = Math.max(Math.abs(dx) * 0.35, 6) * Math.sign(dx || 1);
  return [a.x0, a.y0, a.x0 + dx * 0.12, a.y0 + dy * 0.75, a.x1 - reach, a.y1, a.x1, a.y1];
}

// ---------------------------------------------------------------------------
// Hit testing

export interface ArrowHit {
  readonly kind: "arrow";
  readonly arrow: FlowArrow;
}

/** How near the pointer must be to an arrow's curve. */
const ARROW_DISTANCE = 4;

/** The arrow nearest (x, y) within reach. */
export function hitArrow(layout: TimelineLayout, x: number, y: number): ArrowHit | undefined {
  let arrow: FlowArrow | undefined;
  let bestArrow = ARROW_DISTANCE;
  for (const a of layout.arrows) {
    if (x < Math.min(a.x0, a.x1) - ARROW_DISTANCE || x > Math.max(a.x0, a.x1) + ARROW_DISTANCE) continue;
    // Same-lane arrows arc up to 14px above their lane.
    if (y < Math.min(a.y0, a.y1) - 16 || y > Math.max(a.y0, a.y1) + ARROW_DISTANCE) continue;
    const d = distanceToArrow(a, x, y);
    if (d <= bestArrow) {
      bestArrow = d;
      arrow = a;
    }
  }
  return arrow === undefined ? undefined : { kind: "arrow", arrow };
}

/** The arrow's curve sampled as a polyline: close enough for a pointer. */
export function distanceToArrow(a: FlowArrow, x: number, y: number): number {
  const [p0x, p0y, p1x, p1y, p2x, p2y, p3x, p3y] = arrowCurve(a);
  const steps = a.pending ? 1 : 16;
  let best = Infinity;
  let px = a.x0;
  let py = a.y0;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const qx = a.pending ? a.x1 : u * u * u * p0x + 3 * u * u * t * p1x + 3 * u * t * t * p2x + t * t * t * p3x;
    const qy = a.pending ? a.y1 : u * u * u * p0y + 3 * u * u * t * p1y + 3 * u * t * t * p2y + t * t * t * p3y;
    best = Math.min(best, distanceToSegment(x, y, px, py, qx, qy));
    px = qx;
    py = qy;
  }
  return best;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / len2));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

// ---------------------------------------------------------------------------
// Words

export function describeFlow(model: TraceModel, flow: number): Description | undefined {
  if (flow < 0 || flow >= model.flows.length) return undefined;
  const f = model.flows.flow(flow);
  const from = goroutineLabelOf(model, f.sender);
  const sent = `sent at ${at(model, f.send.index)}`;
  if (f.recv === undefined || f.receiver === undefined) {
    return {
      title: `${chName(model, f.ch)}: ${f.v} from ${from}, never received`,
      detail: `${sent} · ${f.status === "buffered" ? "still in the buffer" : "its receive is not in the trace"}`,
    };
  }
  return {
    title: `${chName(model, f.ch)}: ${f.v} from ${from} to ${goroutineLabelOf(model, f.receiver)}`,
    detail: `${sent}, received at ${at(model, f.recv.index)} · ${f.direct ? "handed over directly" : "through the buffer"}`,
  };
}
