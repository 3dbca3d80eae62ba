// The interactive scene (Excalidraw's interactiveScene): selection, hover,
// the arrows and spawn links in focus, the gutter's state at the playhead and
// the playhead itself, painted over the static scene from the layout and the
// interactive layout alone (never from the model), so a pointer move costs
// only this layer.

import { channelColor, themeTokens, type ThemeTokens } from "../../theme/palette";
import { clipTo, crisp, roundRect, snap, type Canvas2D } from "../canvas";
import { axisLabelsUnder, playheadHandleBox } from "../chrome/axis";
import { paintGutterMarks } from "../chrome/gutter";
import { PLAYHEAD_WIDTH } from "../geometry";
import type { HitTarget } from "../hitTest";
import type { TimelineLayout } from "../layoutTypes";
import { goroutineLaneMiddle, type RenderContext } from "../renderContext";
import type { SelectionGeometry } from "../selectionGeometry";
import { paintFocusedArrows, paintHoveredArrow, paintSelectedArrow } from "../tracks/flowTrackPaint";
import { paintGlyph } from "../tracks/goroutineGlyphs";
import { paintSpawnLinks } from "../tracks/goroutineTrackPaint";
import type { InteractiveLayout, PlayheadLayout } from "./interactiveLayout";

/** The interactive layer: cleared and drawn again whenever the pointer, the playhead or the selection move. */
export function paintInteractive(ctx: Canvas2D, layout: TimelineLayout, scene: InteractiveLayout): void {
  const rc = layout.context;
  const tokens = themeTokens(rc.theme);
  const { geometry: geo, dpr } = rc;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, geo.width, geo.height);
  const { plot } = geo;

  ctx.save();
  clipTo(ctx, { x: 0, y: plot.y, width: geo.width, height: plot.height });
  paintSelection(ctx, rc, scene.selection, tokens);
  paintHover(ctx, rc, scene.hover, tokens);
  ctx.restore();
  ctx.save();
  clipTo(ctx, plot);
  paintSpawnLinks(ctx, scene.spawnLinks, dpr, tokens);
  paintFocusedArrows(ctx, rc, scene.focusedArrows, tokens);
  // Their ends stay on top of them.
  for (const g of scene.focusedGlyphs) paintGlyph(ctx, g, rc, tokens, 1);
  ctx.restore();

  paintGutterMarks(ctx, rc, scene.gutter, tokens);
  paintPlayhead(ctx, layout, scene.playhead, tokens);
}

/** The playhead: its mark in the overview, its line through the plot, and its handle on the axis with the event and its time. */
export function paintPlayhead(ctx: Canvas2D, layout: TimelineLayout, playhead: PlayheadLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const { plot, axis } = rc.geometry;
  const { x, overviewX, label: text } = playhead;
  if (overviewX !== undefined) {
    ctx.fillStyle = tokens.playhead;
    ctx.fillRect(snap(overviewX, rc.dpr) - PLAYHEAD_WIDTH / 2, 0, PLAYHEAD_WIDTH, rc.geometry.overview.height - 1);
  }
  if (x < plot.x - 1 || x > plot.x + plot.width + 1) return;
  // The handle on the axis, with the event number and its time.
  ctx.font = `600 ${tokens.axisFont}`;
  const textWidth = ctx.measureText(text).width;
  const handle = playheadHandleBox(axis, x, textWidth);
  // The axis labels it would cover (painted on the static layer) are hidden under the strip's colour.
  ctx.fillStyle = tokens.gutter;
  for (const l of axisLabelsUnder(layout.labels, handle)) ctx.fillRect(l.x - 1, l.y, l.width + 2, l.height);
  ctx.fillStyle = tokens.playhead;
  ctx.fillRect(snap(x, rc.dpr) - PLAYHEAD_WIDTH / 2, axis.y, PLAYHEAD_WIDTH, plot.y + plot.height - axis.y);
  ctx.beginPath();
  roundRect(ctx, handle.x, handle.y, handle.width, handle.height, 3);
  ctx.fill();
  ctx.fillStyle = tokens.playheadText;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, handle.x + (handle.width - textWidth) / 2, handle.y + handle.height / 2 + 0.5);
}

/** The selection: a lane washed and outlined, a span outlined, an event's line and ring, or a flow's arrow with rings at its ends. */
export function paintSelection(ctx: Canvas2D, rc: RenderContext, geo: SelectionGeometry | undefined, tokens: ThemeTokens): void {
  if (geo === undefined) return;
  ctx.strokeStyle = tokens.selection;
  ctx.fillStyle = tokens.selectionFill;
  switch (geo.kind) {
    case "lane":
      ctx.fillRect(0, geo.y, rc.geometry.width, geo.height);
      ctx.lineWidth = 1.5;
      ctx.strokeRect(0.75, geo.y + 0.75, rc.geometry.width - 1.5, geo.height - 1.5);
      return;
    case "rect":
      ctx.lineWidth = 2;
      ctx.strokeRect(geo.x - 1, geo.y - 1, Math.max(geo.width, 1) + 2, geo.height + 2);
      return;
    case "event":
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(crisp(geo.x, rc.dpr), rc.geometry.plot.y);
      ctx.lineTo(crisp(geo.x, rc.dpr), rc.geometry.plot.y + rc.geometry.plot.height);
      ctx.stroke();
      ctx.setLineDash([]);
      if (!Number.isNaN(geo.y)) {
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(geo.x, geo.y, 8, 0, Math.PI * 2);
        ctx.stroke();
      }
      return;
    case "flow":
      paintSelectedArrow(ctx, rc, geo.arrow, tokens);
      return;
  }
}

/** What the pointer is on: a span outlined, a glyph enlarged, an arrow thickened, a lane washed (with the tick under the pointer). */
export function paintHover(ctx: Canvas2D, rc: RenderContext, hover: HitTarget | undefined, tokens: ThemeTokens): void {
  if (hover === undefined) return;
  ctx.strokeStyle = tokens.hover;
  switch (hover.kind) {
    case "span": {
      const r = hover.rect;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(r.x - 0.75, r.y - 0.75, Math.max(r.width, 1) + 1.5, r.height + 1.5);
      return;
    }
    case "glyph":
      paintGlyph(ctx, hover.glyph, rc, tokens, 1.5);
      return;
    case "arrow":
      paintHoveredArrow(ctx, rc, hover.arrow);
      return;
    case "goroutine-label":
    case "channel-label":
    case "channel-lane": {
      const row = hover.kind === "goroutine-label" ? rc.lanes.rows[rc.lanes.rowOfGoroutine(hover.g)] : undefined;
      const h = hover.kind === "goroutine-label" ? (row?.height ?? 0) : hover.laneHeight;
      const y = hover.kind === "goroutine-label" ? goroutineLaneMiddle(rc, hover.g) : hover.laneY;
      const top = hover.kind === "goroutine-label" ? y - h / 2 : y;
      ctx.fillStyle = tokens.hoverLane;
      ctx.fillRect(0, top, rc.geometry.width, h);
      if (hover.kind === "channel-lane" && hover.tick !== undefined) {
        ctx.strokeStyle = channelColor(hover.ch, rc.theme);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(crisp(hover.tick.x, rc.dpr), top);
        ctx.lineTo(crisp(hover.tick.x, rc.dpr), top + h);
        ctx.stroke();
      }
      return;
    }
    case "axis":
    case "overview":
      return;
  }
}
