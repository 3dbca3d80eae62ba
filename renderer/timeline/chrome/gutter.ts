// The gutter: the lanes' labels (section headers, goroutine and channel
// names), a channel's colour swatch, and at the playhead each goroutine's
// state (a dot), each buffered channel's length (n/cap) and the word "closed"
// once a channel is (a word, not a cross: a cross reads as a dismiss button).

import type { ChannelId } from "../../../traces/events";
import { StateCode, type ChannelInfo, type GoroutineStateCode } from "../../../traces/model/index";
import type { EventIndex } from "../../../traces/events";
import { channelLabel, goroutineLabel, goroutineTag } from "../../../traces/vocabulary/index";
import { channelColor, channelInk, STATE_COLORS_BY_CODE, type ThemeTokens } from "../../theme/palette";
import { clipTo, paintLabels, roundRect, snap, type Canvas2D } from "../canvas";
import { LABEL_HEIGHT, SMALL_LABEL_LANE, SWATCH_SIZE } from "../geometry";
import type { TextLabel, TimelineLayout, VisibleLane } from "../layoutTypes";
import { fitText, type RenderContext, type TextFont } from "../renderContext";
import { stateCodeAt } from "../tracks/goroutineTrack";

const GUTTER_PAD = 10;
/** Right part of a channel's gutter cell kept for its length and its "closed" at the playhead. */
export const GUTTER_VALUE_WIDTH = 46;
/** Lanes thinner than this take turns between two columns for their labels; the gap between the columns. */
const STAGGER_BELOW = 10;
const STAGGER_GAP = 6;
/** What the gutter says of a channel closed by the playhead (the legend explains it). */
export const CLOSED_WORD = "closed";
/** How far the length and "closed" sit above and below the lane's middle when a buffered channel shows both. */
const VALUE_LINE_OFFSET = 6.5;
/** Where a goroutine's state dot sits, and its radius in a comfortable lane. */
const STATE_DOT_X = 15;
const STATE_DOT_RADIUS = 4.5;

const GUTTER_ROLES: ReadonlySet<TextLabel["role"]> = new Set(["gutter", "gutter-muted", "header"]);

/** The right part of a channel's gutter cell its marks at the playhead may take: a buffered one's length, or just "closed". */
export function gutterValueWidth(info: ChannelInfo, measure: RenderContext["measureText"]): number {
  if (info.cap > 0) return GUTTER_VALUE_WIDTH;
  return info.closed === undefined ? 0 : measure(CLOSED_WORD, "axis") + 6;
}

/**
 * The gutter's words: section headers, and each lane's id and name (a
 * channel's capacity) cut to fit; the pointer on a label shows it whole in the
 * tooltip. Lanes squeezed to fit the plot write smaller; lanes thinner than a
 * line of that writing take turns between two columns, so that neighbours'
 * names never overlap.
 */
export function layoutGutterLabels(rc: RenderContext, lanes: readonly VisibleLane[], labels: TextLabel[]): void {
  const { gutter } = rc.geometry;
  const measure = rc.measureText;
  for (const lane of lanes) {
    const row = lane.row;
    const small = lane.height < SMALL_LABEL_LANE;
    const staggered = row.kind !== "header" && lane.height < STAGGER_BELOW;
    // A small line of text is about 9px of ink: a staggered name may reach a pixel past its thin lane, a small header keeps a pixel off its edges.
    const height = staggered ? lane.height + 2 : Math.min(LABEL_HEIGHT, small ? lane.height - 2 : lane.height);
    const y = lane.y + (lane.height - height) / 2;
    if (row.kind === "header") {
      // A narrow gutter writes a header smaller rather than cut it ("6 GOROU…" says little).
      const label = row.label.toUpperCase();
      const room = gutter.width - 2 * GUTTER_PAD;
      const font: TextFont = small || measure(label, "labelBold") > room ? "labelSmall" : "labelBold";
      const text = fitText(label, room, font, measure);
      if (text !== undefined)
        labels.push({
          text,
          x: GUTTER_PAD,
          y,
          width: measure(text, font),
          height,
          font,
          role: "header",
          align: "left",
        });
      continue;
    }
    // Room after the swatch or state dot; channels keep the right part for their length and "closed" at the playhead.
    const left = GUTTER_PAD + 14;
    const right = gutter.width - GUTTER_PAD - (row.kind === "channel" ? gutterValueWidth(row.info, measure) : 0);
    const column = (right - left - STAGGER_GAP) / 2;
    const x0 = staggered && lane.rowIndex % 2 === 1 ? left + column + STAGGER_GAP : left;
    const maxRight = staggered ? x0 + column : right;
    const idText = row.kind === "goroutine" ? goroutineTag(row.g) : channelLabel(row.info);
    const idFont: TextFont = small ? "labelSmall" : "labelBold";
    const restFont: TextFont = small ? "labelSmall" : "label";
    const id = fitText(idText, maxRight - x0, idFont, measure);
    if (id === undefined) continue;
    const idWidth = measure(id, idFont);
    labels.push({ text: id, x: x0, y, width: idWidth, height, font: idFont, role: "gutter", align: "left" });
    const rest =
      row.kind === "goroutine"
        ? goroutineLabel(row.info).slice(idText.length).trim()
        : row.info.cap === 0
          ? "unbuffered"
          : `cap ${row.info.cap}`;
    if (rest === "" || id !== idText) continue;
    const x1 = x0 + idWidth + (small ? 4 : 6);
    const restText = fitText(rest, maxRight - x1, restFont, measure);
    // A channel's capacity is also in its len/cap value at the right: rather none than "ca…".
    if (restText !== undefined && (row.kind === "goroutine" || restText === rest)) {
      labels.push({
        text: restText,
        x: x1,
        y,
        width: measure(restText, restFont),
        height,
        font: restFont,
        role: row.kind === "goroutine" ? "gutter" : "gutter-muted",
        align: "left",
      });
    }
  }
}

// ---------------------------------------------------------------------------
// Painting

/** The gutter: its background, header rows, stripes, channel swatches and labels. */
export function paintGutter(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
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
      roundRect(ctx, GUTTER_PAD, lane.y + lane.height / 2 - SWATCH_SIZE / 2, SWATCH_SIZE, SWATCH_SIZE, 2);
      ctx.fill();
    }
  }
  paintLabels(
    ctx,
    layout.labels,
    GUTTER_ROLES,
    (l) => (l.role === "gutter-muted" ? tokens.textMuted : l.role === "header" ? tokens.textMuted : tokens.text),
    tokens,
  );
  ctx.restore();
  ctx.fillStyle = tokens.gutterBorder;
  ctx.fillRect(snap(gutter.width - 1, dpr), 0, 1 / dpr, rc.geometry.height);
}

// ---------------------------------------------------------------------------
// At the playhead

/** What the gutter shows of a lane at the playhead. */
export type GutterMark =
  | { readonly kind: "goroutine"; readonly y: number; readonly code: GoroutineStateCode; readonly radius: number }
  | {
      readonly kind: "channel";
      readonly y: number;
      readonly ch: ChannelId;
      /** A buffered channel's length out of its capacity ("2/3"); undefined for an unbuffered one. */
      readonly text: string | undefined;
      readonly full: boolean;
      readonly closed: boolean;
    };

/** Each visible goroutine's state after `playhead`, and each made channel's length then (buffered) and whether it is closed (its middle y on screen). */
export function gutterMarks(layout: TimelineLayout, playhead: EventIndex): GutterMark[] {
  const marks: GutterMark[] = [];
  for (const lane of layout.lanes) {
    const row = lane.row;
    const y = lane.y + lane.height / 2;
    if (row.kind === "goroutine") {
      // The dot stays inside its lane when lanes are squeezed to fit.
      const radius = Math.min(STATE_DOT_RADIUS, lane.height / 2 - 0.5);
      marks.push({ kind: "goroutine", y, code: playhead < 0 ? StateCode.none : stateCodeAt(row.info, playhead), radius });
    } else if (row.kind === "channel") {
      const info = row.info;
      if (playhead < 0 || (info.made !== undefined && info.made.index > playhead)) continue;
      const closed = info.closed !== undefined && info.closed.at.index <= playhead;
      if (info.cap === 0) {
        if (closed) marks.push({ kind: "channel", y, ch: row.ch, text: undefined, full: false, closed });
        continue;
      }
      const len = info.occupancy.at(playhead);
      marks.push({ kind: "channel", y, ch: row.ch, text: `${len}/${info.cap}`, full: len >= info.cap, closed });
    }
  }
  return marks;
}

/** In the gutter, each goroutine's state at the playhead (a dot; a ring before it exists), each channel's length (n/cap) and "closed". */
export function paintGutterMarks(ctx: Canvas2D, rc: RenderContext, marks: readonly GutterMark[], tokens: ThemeTokens): void {
  const colors = STATE_COLORS_BY_CODE[rc.theme];
  const { gutter } = rc.geometry;
  ctx.save();
  clipTo(ctx, gutter);
  ctx.font = tokens.axisFont;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  for (const m of marks) {
    switch (m.kind) {
      case "goroutine":
        if (m.code === StateCode.none) {
          ctx.strokeStyle = tokens.textMuted;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.arc(STATE_DOT_X, m.y, m.radius - 1, 0, Math.PI * 2);
          ctx.stroke();
          continue;
        }
        ctx.fillStyle = colors[m.code] ?? tokens.textMuted;
        ctx.beginPath();
        ctx.arc(STATE_DOT_X, m.y, m.radius, 0, Math.PI * 2);
        ctx.fill();
        ctx.strokeStyle = tokens.gutterBorder;
        ctx.lineWidth = 1;
        ctx.stroke();
        continue;
      case "channel": {
        const right = gutter.width - GUTTER_PAD;
        // Both: the length above the lane's middle, "closed" below it.
        const both = m.text !== undefined && m.closed;
        if (m.text !== undefined) {
          ctx.fillStyle = m.full ? channelInk(m.ch, rc.theme) : tokens.textMuted;
          ctx.fillText(m.text, right, both ? m.y - VALUE_LINE_OFFSET : m.y);
        }
        if (m.closed) {
          ctx.fillStyle = tokens.textMuted;
          ctx.fillText(CLOSED_WORD, right, both ? m.y + VALUE_LINE_OFFSET : m.y);
        }
        continue;
      }
    }
  }
  ctx.restore();
}
