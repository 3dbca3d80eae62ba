// Where the selection is on screen, computed from the model rather than from
// the layout: a selected span or event is outlined even when thinning or
// merging left it out of this frame's rectangles and glyphs.

import type { GoroutineId } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { Selection } from "./contract";
import { spanInset } from "./geometry";
import type { FlowArrow } from "./layoutTypes";
import { goroutineLaneMiddle, rowScreenTop, type RenderContext } from "./renderContext";
import { flowArrowOf } from "./tracks/flowTrack";

export type SelectionGeometry =
  | { readonly kind: "lane"; readonly y: number; readonly height: number }
  | { readonly kind: "rect"; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly kind: "event"; readonly x: number; readonly y: number }
  | { readonly kind: "flow"; readonly arrow: FlowArrow };

export function selectionGeometry(model: TraceModel, rc: RenderContext, selection: Selection): SelectionGeometry | undefined {
  switch (selection.kind) {
    case "goroutine":
    case "channel": {
      const r = selection.kind === "goroutine" ? rc.lanes.rowOfGoroutine(selection.g) : rc.lanes.rowOfChannel(selection.ch);
      const row = rc.lanes.rows[r];
      if (r < 0 || row === undefined) return undefined;
      return { kind: "lane", y: rowScreenTop(rc, r), height: row.height };
    }
    case "span": {
      const r = rc.lanes.rowOfGoroutine(selection.g);
      const row = rc.lanes.rows[r];
      const track = model.goroutine(selection.g)?.spans;
      if (r < 0 || row === undefined || track === undefined || selection.span < 0 || selection.span >= track.length) return undefined;
      const x0 = rc.scale.xOfEvent(model, track.startIndex(selection.span));
      const x1 = rc.scale.xOfEvent(model, track.endIndex(selection.span));
      const { plot } = rc.geometry;
      const left = Math.max(x0, plot.x - 4);
      const right = Math.min(x1, plot.x + plot.width + 4);
      if (right < left) return undefined;
      const inset = spanInset(row.height);
      return { kind: "rect", x: left, y: rowScreenTop(rc, r) + inset, width: right - left, height: row.height - 2 * inset };
    }
    case "event": {
      if (selection.index < 0 || selection.index >= model.length) return undefined;
      const g = model.columns.g[selection.index] as GoroutineId;
      return { kind: "event", x: rc.scale.xOfEvent(model, selection.index), y: goroutineLaneMiddle(rc, g) };
    }
    case "flow": {
      if (selection.flow < 0 || selection.flow >= model.flows.length) return undefined;
      const arrow = flowArrowOf(model, rc, selection.flow);
      return arrow === undefined ? undefined : { kind: "flow", arrow };
    }
  }
}
