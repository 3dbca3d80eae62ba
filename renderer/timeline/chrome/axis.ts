// The axis strip: ticks at round values (event numbers, or time), labels that
// never touch, in sequence mode a second row with the virtual time where it
// moves on; and the corner that names the rows.

import type { TraceModel } from "../../../traces/model/index";
import type { Nanos } from "../../../traces/units";
import { formatTime } from "../../../traces/vocabulary/index";
import { withAlpha, type ThemeTokens } from "../../theme/palette";
import { axisValue } from "../axisScale";
import type { AxisValue } from "../contract";
import { clipTo, crisp, paintLabels, roundRect, snap, type Canvas2D } from "../canvas";
import { LABEL_HEIGHT, PLAYHEAD_HANDLE_BOTTOM, PLAYHEAD_HANDLE_HEIGHT, type Rect } from "../geometry";
import type { AxisTick, EventRange, TextLabel, TimelineLayout } from "../layoutTypes";
import type { RenderContext, TextFont } from "../renderContext";

const AXIS_LABEL_GAP = 8;
/** Time marks on the sequence axis appear when events are at least this far apart. */
const TIME_MARK_MIN_PX = 3;

/** The labels the axis strip draws (the playhead's handle hides those it covers). */
export const AXIS_ROLES: ReadonlySet<TextLabel["role"]> = new Set(["axis", "axis-time"]);

/** Room left and right of the playhead's words inside its handle. */
const HANDLE_PAD = 5;
/** A label closer than this beside the handle would look cut by it. */
const HANDLE_CLEARANCE = 2;

/** The playhead's handle at the foot of the axis strip: its words (`textWidth` wide) padded, centred on `x`, kept inside the strip. */
export function playheadHandleBox(axis: Rect, x: number, textWidth: number): Rect {
  const width = textWidth + 2 * HANDLE_PAD;
  return {
    x: Math.min(Math.max(x - width / 2, axis.x), axis.x + axis.width - width),
    y: axis.y + axis.height - PLAYHEAD_HANDLE_HEIGHT - PLAYHEAD_HANDLE_BOTTOM,
    width,
    height: PLAYHEAD_HANDLE_HEIGHT,
  };
}

/**
 * The axis labels the playhead's handle would cover, even in part (or come
 * within a hair of, beside it): hidden while the handle is there, so its words
 * never sit on a tick's and no label sticks out of it half cut ("#54 · 1s s").
 * A label in the row above, which only touches its top edge, stays.
 */
export function axisLabelsUnder(labels: readonly TextLabel[], handle: Rect): TextLabel[] {
  return labels.filter(
    (l) =>
      AXIS_ROLES.has(l.role) &&
      l.x < handle.x + handle.width + HANDLE_CLEARANCE &&
      l.x + l.width > handle.x - HANDLE_CLEARANCE &&
      l.y < handle.y + handle.height &&
      l.y + l.height > handle.y,
  );
}

const UNITS = [
  { ns: 1e9, suffix: "s" },
  { ns: 1e6, suffix: "ms" },
  { ns: 1e3, suffix: "µs" },
  { ns: 1, suffix: "ns" },
] as const;

/**
 * A formatter for time ticks `step` ns apart, the largest being `largest`: one
 * unit for all (the largest tick's), as few decimals as tell them apart.
 */
export function timeTickFormat(step: number, largest: number): (ns: number) => string {
  const unit = UNITS.find((u) => Math.max(Math.abs(largest), step) >= u.ns) ?? UNITS[3];
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step / unit.ns) + 1e-9)));
  return (ns) => `${(ns / unit.ns).toFixed(decimals)}${unit.suffix}`;
}

/** Greedy left to right: a label is kept when it does not touch the one before it. */
function placeRow(
  candidates: readonly { x: number; text: string }[],
  rc: RenderContext,
  y: number,
  font: TextFont,
  role: TextLabel["role"],
  labels: TextLabel[],
): Set<number> {
  const { axis } = rc.geometry;
  const kept = new Set<number>();
  let lastRight = -Infinity;
  candidates.forEach((c, i) => {
    const w = rc.measureText(c.text, font);
    // Labels sit centred on their tick, nudged inside the strip at its ends.
    const x = Math.min(Math.max(c.x - w / 2, axis.x + 2), axis.x + axis.width - w - 2);
    if (x < lastRight + AXIS_LABEL_GAP) return;
    lastRight = x + w;
    kept.add(i);
    labels.push({ text: c.text, x, y, width: w, height: LABEL_HEIGHT, font, role, align: "left" });
  });
  return kept;
}

/** The axis's ticks and labels; in sequence mode a second row with the virtual time where it moves on. */
export function layoutAxis(
  model: TraceModel,
  rc: RenderContext,
  range: EventRange,
  eventDetail: boolean,
  labels: TextLabel[],
): { ticks: AxisTick[]; timeMarks: AxisTick[] } {
  const { axis } = rc.geometry;
  const count = Math.max(2, Math.floor(axis.width / 110));
  const n = model.length;
  const t = model.columns.t;
  const row1 = axis.y + 3;
  const row2 = axis.y + 17;
  const ticks: AxisTick[] = [];
  const timeMarks: AxisTick[] = [];
  if (rc.scale.axis === "time") {
    const values = rc.scale.ticks(count);
    const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : Math.max(1, rc.scale.end - rc.scale.start);
    const fmt = timeTickFormat(step, Math.max(...values.map(Math.abs), 0));
    const candidates = values.map((v) => ({ x: rc.scale.x(v), text: fmt(v) }));
    const kept = placeRow(candidates, rc, axis.y + (axis.height - LABEL_HEIGHT) / 2, "axis", "axis", labels);
    values.forEach((v, i) => ticks.push({ x: rc.scale.x(v), value: v, label: kept.has(i) ? candidates[i]?.text : undefined }));
    return { ticks, timeMarks };
  }
  const values = rc.scale.ticks(count).filter((v) => Number.isInteger(v) && v >= 0 && v <= n);
  // Event numbers as the vocabulary writes them (eventNumber), the corner saying "event #".
  const candidates = values.map((v) => ({ x: rc.scale.x(v), text: String(v) }));
  const kept = placeRow(candidates, rc, row1, "axis", "axis", labels);
  values.forEach((v, i) => ticks.push({ x: rc.scale.x(v), value: v, label: kept.has(i) ? candidates[i]?.text : undefined }));
  if (n === 0) return { ticks, timeMarks };

  // Second row: the virtual time, written where it moves on.
  if (eventDetail && rc.scale.pxPerUnit >= TIME_MARK_MIN_PX) {
    const marks: { x: number; text: string; value: AxisValue }[] = [];
    for (let i = Math.max(range[0], 0); i < range[1]; i++) {
      if (i === 0 || t[i] !== t[i - 1]) marks.push({ x: rc.scale.x(axisValue(i)), text: formatTime(t[i] as Nanos), value: axisValue(i) });
    }
    const keptMarks = placeRow(marks, rc, row2, "axis", "axis-time", labels);
    marks.forEach((m, i) => timeMarks.push({ x: m.x, value: m.value, label: keptMarks.has(i) ? m.text : undefined }));
  } else {
    let previous = Number.NaN;
    const timeCandidates: { x: number; text: string }[] = [];
    for (const v of values) {
      const tv = t[Math.min(v, n - 1)] as Nanos;
      if (tv !== previous) timeCandidates.push({ x: rc.scale.x(v), text: formatTime(tv) });
      previous = tv;
    }
    placeRow(timeCandidates, rc, row2, "axis", "axis-time", labels);
  }
  return { ticks, timeMarks };
}

// ---------------------------------------------------------------------------
// Painting

/** The axis strip: its background, ticks, time marks and labels. */
export function paintAxis(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
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
}

/** The corner over the gutter: what the overview and the axis rows are, and a note when detail is left out. */
export function paintCorner(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const { axis, overview } = rc.geometry;
  ctx.fillStyle = tokens.gutter;
  ctx.fillRect(0, 0, rc.geometry.gutter.width - 1, axis.y + axis.height - 1);
  ctx.fillStyle = tokens.gutterBorder;
  ctx.fillRect(0, snap(overview.height - 1, rc.dpr), rc.geometry.width, 1 / rc.dpr);
  ctx.font = tokens.axisFont;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  ctx.fillStyle = tokens.textMuted;
  const right = rc.geometry.gutter.width - 10;
  ctx.fillText("whole run", right, overview.height / 2);
  if (rc.scale.axis === "sequence") {
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
