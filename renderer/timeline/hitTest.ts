// What is under the pointer, answered from the layout alone (pure, so it is
// tested without a browser): the chrome first, then each track's own hit
// test. Small things win over big ones: a glyph over the arrow through it, an
// arrow over the span under it.

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { AxisValue } from "./contract";
import type { Selection } from "./contract";
import { contains } from "./geometry";
import type { TimelineLayout } from "./layoutTypes";
import { hitChannelLane, type ChannelLaneHit } from "./tracks/channelTrack";
import { hitArrow, type ArrowHit } from "./tracks/flowTrack";
import { hitGlyph, type GlyphHit } from "./tracks/goroutineGlyphs";
import { hitSpan, type SpanHit } from "./tracks/goroutineTrack";

export type HitTarget =
  | SpanHit
  | GlyphHit
  | ArrowHit
  | { readonly kind: "goroutine-label"; readonly g: GoroutineId }
  | { readonly kind: "channel-label"; readonly ch: ChannelId; readonly laneY: number; readonly laneHeight: number }
  | ChannelLaneHit
  | { readonly kind: "axis" }
  | { readonly kind: "overview" };

/**
 * `eventAt` turns an axis value into the event it means (axisScale's
 * eventAtAxisValue); given, a channel lane's hit says which event the pointer is at.
 */
export function hitTest(layout: TimelineLayout, x: number, y: number, eventAt?: (value: AxisValue) => EventIndex): HitTarget | undefined {
  const geo = layout.context.geometry;
  if (contains(geo.overview, x, y)) return { kind: "overview" };
  if (contains(geo.axis, x, y)) return { kind: "axis" };
  if (y < geo.plot.y || y >= geo.plot.y + geo.plot.height) return undefined;
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (contains(geo.gutter, x, y)) {
    switch (lane?.row.kind) {
      case "goroutine":
        return { kind: "goroutine-label", g: lane.row.g };
      case "channel":
        return { kind: "channel-label", ch: lane.row.ch, laneY: lane.y, laneHeight: lane.height };
      case "header":
      case undefined:
        return undefined;
    }
  }
  if (!contains(geo.plot, x, y)) return undefined;
  const hit = hitGlyph(layout, x, y) ?? hitArrow(layout, x, y);
  if (hit !== undefined) return hit;
  switch (lane?.row.kind) {
    case "goroutine":
      return hitSpan(layout, lane.row.g, x, y);
    case "channel":
      return hitChannelLane(layout, lane, lane.row.ch, x, eventAt);
    case "header":
    case undefined:
      return undefined;
  }
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

/** Whether two hits are on the same thing (so a pointer move within it repaints nothing). */
export function sameHit(a: HitTarget | undefined, b: HitTarget | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "span":
      return b.kind === "span" && a.rect.g === b.rect.g && a.rect.span === b.rect.span && a.rect.x === b.rect.x;
    case "glyph":
      return b.kind === "glyph" && a.glyph.index === b.glyph.index;
    case "arrow":
      return b.kind === "arrow" && a.arrow.flow === b.arrow.flow;
    case "goroutine-label":
      return b.kind === "goroutine-label" && a.g === b.g;
    case "channel-label":
      return b.kind === "channel-label" && a.ch === b.ch;
    case "channel-lane":
      return b.kind === "channel-lane" && a.ch === b.ch && a.tick?.index === b.tick?.index && a.index === b.index;
    case "axis":
    case "overview":
      return true;
  }
}
