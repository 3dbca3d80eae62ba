// What the interactive layer shows, worked out before it is painted: where the
// playhead is and what its handle says, where the selection is, which arrows,
// glyphs and spawn links the pointer or the selection brings forward, and the
// gutter's state at the playhead. Pure: the model is read here, so the
// interactive scene paints from this and the layout alone.

import type { EventIndex, GoroutineId } from "../../../traces/events";
import type { TraceModel } from "../../../traces/model/index";
import { eventNumber, formatTime } from "../../../traces/vocabulary/index";
import { axisValueOfEvent } from "../axisScale";
import { gutterMarks, type GutterMark } from "../chrome/gutter";
import { overviewScale, type OverviewSummary } from "../chrome/overview";
import type { Selection } from "../contract";
import type { HitTarget } from "../hitTest";
import type { FlowArrow, Glyph, TimelineLayout } from "../layoutTypes";
import { goroutineLaneMiddle } from "../renderContext";
import { selectionGeometry, type SelectionGeometry } from "../selectionGeometry";
import type { SpawnLink } from "../tracks/goroutineTrackPaint";

/** What the interactive layer depends on besides the layout. */
export interface InteractiveState {
  readonly playhead: EventIndex;
  readonly selection: Selection | undefined;
  readonly hover: HitTarget | undefined;
}

export interface PlayheadLayout {
  /** Screen x of the playhead in the plot. */
  readonly x: number;
  /** Screen x of its mark in the overview strip, when the strip is drawn. */
  readonly overviewX: number | undefined;
  /** Its handle's words ("start", or the event and its time); empty when it is outside the plot. */
  readonly label: string;
}

export interface InteractiveLayout {
  readonly playhead: PlayheadLayout;
  readonly selection: SelectionGeometry | undefined;
  readonly hover: HitTarget | undefined;
  readonly spawnLinks: readonly SpawnLink[];
  readonly focusedArrows: readonly FlowArrow[];
  /** The glyphs at the focused arrows' ends: drawn again on top of them. */
  readonly focusedGlyphs: readonly Glyph[];
  readonly gutter: readonly GutterMark[];
}

export function interactiveLayout(
  model: TraceModel,
  layout: TimelineLayout,
  state: InteractiveState,
  overview: OverviewSummary | undefined,
): InteractiveLayout {
  const rc = layout.context;
  const { plot } = rc.geometry;
  const { playhead, selection, hover } = state;
  const x = playhead >= 0 && model.length > 0 ? rc.scale.xOfEvent(model, playhead) : plot.x;
  const overviewX =
    overview !== undefined && model.length > 0
      ? overviewScale(rc.geometry, overview).x(axisValueOfEvent(model, rc.scale.axis, Math.max(playhead, 0)))
      : undefined;
  const inPlot = x >= plot.x - 1 && x <= plot.x + plot.width + 1;
  const label = !inPlot ? "" : playhead < 0 ? "start" : `${eventNumber(playhead)} · ${formatTime(model.time(playhead))}`;
  const focused = focusedArrows(layout, hover, selection);
  const ends = new Set<number>();
  for (const a of focused) {
    ends.add(a.send);
    ends.add(a.recv);
  }
  return {
    playhead: { x, overviewX, label },
    selection: selection === undefined ? undefined : selectionGeometry(model, rc, selection),
    hover,
    spawnLinks: spawnLinks(model, layout, hover, selection),
    focusedArrows: focused,
    focusedGlyphs: layout.glyphs.filter((g) => ends.has(g.index)),
    gutter: gutterMarks(layout, playhead),
  };
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
    case "axis":
    case "overview":
    case undefined:
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

/** The goroutines whose spawn links show: the hovered or selected one. */
function focusedGoroutines(hover: HitTarget | undefined, selection: Selection | undefined): GoroutineId[] {
  const out: GoroutineId[] = [];
  if (hover?.kind === "span") out.push(hover.rect.g);
  if (hover?.kind === "goroutine-label") out.push(hover.g);
  if (selection?.kind === "span" || selection?.kind === "goroutine") out.push(selection.g);
  return out;
}

/** From where each focused goroutine was started (its parent's spawn) to its own lane; and a hovered spawn glyph's link to its child. */
function spawnLinks(
  model: TraceModel,
  layout: TimelineLayout,
  hover: HitTarget | undefined,
  selection: Selection | undefined,
): SpawnLink[] {
  const rc = layout.context;
  const links: SpawnLink[] = [];
  for (const g of focusedGoroutines(hover, selection)) {
    const info = model.goroutine(g);
    if (info?.spawn === undefined || info.parent === undefined) continue;
    const y0 = goroutineLaneMiddle(rc, info.parent);
    const y1 = goroutineLaneMiddle(rc, g);
    if (!Number.isNaN(y0) && !Number.isNaN(y1)) links.push({ x: rc.scale.xOfEvent(model, info.spawn.index), y0, y1 });
  }
  if (hover?.kind === "glyph" && hover.glyph.kind === "spawn" && hover.glyph.childY !== undefined)
    links.push({ x: hover.glyph.x, y0: hover.glyph.y, y1: hover.glyph.childY });
  return links;
}
