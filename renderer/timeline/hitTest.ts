// What is under the pointer, answered from the layout alone (pure, so it is
// tested without a browser). Small things win over big ones: a glyph over the
// arrow through it, an arrow over the span under it.

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { Selection } from "./contract";
import { contains } from "./geometry";
import { arrowCurve } from "./layout";
import type { ChannelTick, FlowArrow, Glyph, SpanRect, TimelineLayout } from "./layoutTypes";

export type HitTarget =
  | { readonly kind: "span"; readonly rect: SpanRect }
  | { readonly kind: "glyph"; readonly glyph: Glyph }
  | { readonly kind: "arrow"; readonly arrow: FlowArrow }
  | { readonly kind: "goroutine-label"; readonly g: GoroutineId }
  | { readonly kind: "channel-label"; readonly ch: ChannelId; readonly laneY: number; readonly laneHeight: number }
  | {
      readonly kind: "channel-lane";
      readonly ch: ChannelId;
      readonly laneY: number;
      readonly laneHeight: number;
      /** The operation tick under the pointer, if any. */
      readonly tick: ChannelTick | undefined;
      /** The event at the pointer's x (when hitTest was given eventAt): the channel's state there is the one to tell. */
      readonly index: EventIndex | undefined;
    }
  | { readonly kind: "axis" }
  | { readonly kind: "overview" };

const GLYPH_RADIUS = 7;
const ARROW_DISTANCE = 4;
const TICK_DISTANCE = 3;
/** Thin bars (merged, or tiny spans) are easier to hit with a little slack. */
const SPAN_SLACK = 2;

/**
 * `eventAt` turns an axis value into the event it means (viewport's
 * eventAtAxisValue); given, a channel lane's hit says which event the pointer is at.
 */
export function hitTest(layout: TimelineLayout, x: number, y: number, eventAt?: (axisValue: number) => EventIndex): HitTarget | undefined {
  const geo = layout.context.geometry;
  if (contains(geo.overview, x, y)) return { kind: "overview" };
  if (contains(geo.axis, x, y)) return { kind: "axis" };
  if (y < geo.plot.y || y >= geo.plot.y + geo.plot.height) return undefined;
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (contains(geo.gutter, x, y)) {
    if (lane === undefined) return undefined;
    if (lane.row.kind === "goroutine") return { kind: "goroutine-label", g: lane.row.g };
    if (lane.row.kind === "channel") return { kind: "channel-label", ch: lane.row.ch, laneY: lane.y, laneHeight: lane.height };
    return undefined;
  }
  if (!contains(geo.plot, x, y)) return undefined;

  let glyph: Glyph | undefined;
  let best = GLYPH_RADIUS * GLYPH_RADIUS;
  for (const g of layout.glyphs) {
    const d = (g.x - x) ** 2 + (g.y - y) ** 2;
    if (d <= best) {
      best = d;
      glyph = g;
    }
  }
  if (glyph !== undefined) return { kind: "glyph", glyph };

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
  if (arrow !== undefined) return { kind: "arrow", arrow };

  if (lane === undefined) return undefined;
  if (lane.row.kind === "goroutine") {
    const g = lane.row.g;
    let hit: SpanRect | undefined;
    let bestGap = SPAN_SLACK;
    for (const r of layout.rects) {
      if (r.g !== g) continue;
      // Distance outside the bar (0 inside it).
      const gap = x < r.x ? r.x - x : x > r.x + r.width ? x - (r.x + r.width) : 0;
      if (gap < bestGap || (gap === 0 && bestGap === 0 && hit !== undefined && r.width < hit.width)) {
        bestGap = gap;
        hit = r;
        if (gap === 0 && r.width >= 1) break;
      }
    }
    if (hit !== undefined && y >= hit.y - 1 && y <= hit.y + hit.height + 1) return { kind: "span", rect: hit };
    return undefined;
  }
  if (lane.row.kind === "channel") {
    const ch = lane.row.ch;
    const cl = layout.channelLanes.find((c) => c.ch === ch);
    let tick: ChannelTick | undefined;
    let bestTick = TICK_DISTANCE;
    for (const t of cl?.ticks ?? []) {
      const d = Math.abs(t.x - x);
      if (d <= bestTick) {
        bestTick = d;
        tick = t;
      }
    }
    const index = eventAt?.(layout.context.scale.invert(x));
    return { kind: "channel-lane", ch, laneY: lane.y, laneHeight: lane.height, tick, index };
  }
  return undefined;
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

/** What clicking a hit target selects (undefined: nothing selectable there). */
export function selectionOfHit(hit: HitTarget | undefined): Selection | undefined {
  switch (hit?.kind) {
    case "span":
      return { kind: "span", g: hit.rect.g, span: hit.rect.span };
    case "glyph":
      return { kind: "event", index: hit.glyph.index };
    case "arrow":
      return { kind: "flow", flow: hit.arrow.flow };
    case "goroutine-label":
      return { kind: "goroutine", g: hit.g };
    case "channel-label":
      return { kind: "channel", ch: hit.ch };
    case "channel-lane":
      return hit.tick === undefined ? { kind: "channel", ch: hit.ch } : { kind: "event", index: hit.tick.index };
    case "axis":
    case "overview":
    case undefined:
      return undefined;
  }
}
