// The pure layout step (DESIGN §5): for one model and one render context,
// which rectangles, glyphs, arrows, steps and labels go where. Each track lays
// out its own lanes (tracks/), the chrome its own strips (chrome/); this visits
// the lanes in view and puts the pieces together.

import { eventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { Nanos } from "../../traces/units";
import { layoutAxis } from "./chrome/axis";
import { layoutGutterLabels } from "./chrome/gutter";
import { EVENT_DETAIL_LIMIT } from "./geometry";
import type { LaneRow } from "./lanes";
import type { ChannelLaneLayout, EventRange, SpanBadge, SpanRect, TextLabel, TimelineLayout, VisibleLane } from "./layoutTypes";
import type { RenderContext } from "./renderContext";
import { layoutChannelLane } from "./tracks/channelTrack";
import { layoutArrows } from "./tracks/flowTrack";
import { layoutGlyphs } from "./tracks/goroutineGlyphs";
import { layoutGoroutineLane } from "./tracks/goroutineTrack";

/** Glyphs this far outside the window still count (half of them shows at the edge). */
const EDGE_PX = 6;

export function layoutTimeline(model: TraceModel, rc: RenderContext): TimelineLayout {
  const lanes = visibleLanes(rc);
  const rects: SpanRect[] = [];
  const badges: SpanBadge[] = [];
  const labels: TextLabel[] = [];
  const channelLanes: ChannelLaneLayout[] = [];
  for (const lane of lanes) {
    const row = lane.row;
    switch (row.kind) {
      case "goroutine":
        layoutGoroutineLane(model, rc, lane, row.info, rects, badges, labels);
        break;
      case "channel":
        channelLanes.push(layoutChannelLane(model, rc, lane, row.ch));
        break;
      case "header":
        break;
    }
  }
  layoutGutterLabels(rc, lanes, labels);
  const range = eventRange(model, rc);
  const eventsInWindow = range[1] - range[0];
  const eventDetail = eventsInWindow <= EVENT_DETAIL_LIMIT;
  const glyphs = layoutGlyphs(model, rc, range, eventDetail);
  const { arrows, dropped } = eventDetail ? layoutArrows(model, rc, range) : { arrows: [], dropped: 0 };
  const { ticks, timeMarks } = layoutAxis(model, rc, range, eventDetail, labels);
  return {
    context: rc,
    lanes,
    rects,
    badges,
    glyphs,
    arrows,
    channelLanes,
    ticks,
    timeMarks,
    labels,
    eventDetail,
    eventsInWindow,
    arrowsDropped: dropped,
  };
}

/** The lane rows that intersect the plot's height, with their screen y. */
export function visibleLanes(rc: RenderContext): VisibleLane[] {
  const { plot } = rc.geometry;
  const [first, end] = rc.lanes.rowsBetween(rc.scrollTop, rc.scrollTop + plot.height);
  const out: VisibleLane[] = [];
  for (let r = first; r < end; r++) {
    const row = rc.lanes.rows[r] as LaneRow;
    out.push({ row, rowIndex: r, y: plot.y + row.top - rc.scrollTop, height: row.height, striped: r % 2 === 1 });
  }
  return out;
}

/** The event indices [first, end) whose positions fall in the window (with a few pixels to spare at each edge). */
export function eventRange(model: TraceModel, rc: RenderContext): EventRange {
  const n = model.length;
  const { scale } = rc;
  const m = EDGE_PX / scale.pxPerUnit;
  const lo = scale.start - m;
  const hi = scale.end + m;
  if (scale.axis === "sequence")
    return [eventIndex(Math.min(n, Math.max(0, Math.ceil(lo)))), eventIndex(Math.min(n, Math.max(0, Math.floor(hi) + 1)))];
  const first = model.firstIndexAtOrAfter(lo as Nanos);
  return [first, eventIndex(Math.max(first, model.lastIndexAtOrBefore(hi as Nanos) + 1))];
}
