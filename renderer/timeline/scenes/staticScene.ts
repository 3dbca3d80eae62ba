// The static scene (Excalidraw's staticScene): lane backgrounds, the grid, the
// tracks (goroutine bars, channel lanes, arrows, glyphs, badges) clipped to the
// plot, then the chrome (gutter, axis, overview, corner). Repainted when the
// window, the data, the size or the theme change; the pointer and the playhead
// never repaint it.

import { themeTokens, type ThemeTokens } from "../../theme/palette";
import { clipTo, crisp, type Canvas2D } from "../canvas";
import { paintAxis, paintCorner } from "../chrome/axis";
import { paintGutter } from "../chrome/gutter";
import { paintOverview, type OverviewSummary } from "../chrome/overview";
import type { TimelineLayout } from "../layoutTypes";
import { paintChannelLanes } from "../tracks/channelTrackPaint";
import { paintArrows } from "../tracks/flowTrackPaint";
import { paintGlyphs } from "../tracks/goroutineGlyphs";
import { paintBadges, paintSpans } from "../tracks/goroutineTrackPaint";

/** The static layer: everything that changes with the window, the data, the size or the theme. */
export function paintStatic(ctx: Canvas2D, layout: TimelineLayout, overview: OverviewSummary | undefined): void {
  const rc = layout.context;
  const tokens = themeTokens(rc.theme);
  const { geometry: geo, dpr } = rc;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = tokens.background;
  ctx.fillRect(0, 0, geo.width, geo.height);

  ctx.save();
  clipTo(ctx, geo.plot);
  paintLaneBackgrounds(ctx, layout, tokens);
  paintGrid(ctx, layout, tokens);
  paintSpans(ctx, layout, tokens);
  paintChannelLanes(ctx, layout);
  paintArrows(ctx, layout, tokens);
  paintGlyphs(ctx, layout, tokens);
  paintBadges(ctx, layout, tokens);
  ctx.restore();

  paintGutter(ctx, layout, tokens);
  paintAxis(ctx, layout, tokens);
  if (overview !== undefined) paintOverview(ctx, rc, overview, tokens);
  paintCorner(ctx, layout, tokens);
}

function paintLaneBackgrounds(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const { plot } = layout.context.geometry;
  ctx.fillStyle = tokens.laneStripe;
  for (const lane of layout.lanes) {
    if (lane.row.kind === "header") continue;
    if (lane.striped) ctx.fillRect(plot.x, lane.y, plot.width, lane.height);
  }
  ctx.fillStyle = tokens.gutter;
  for (const lane of layout.lanes) if (lane.row.kind === "header") ctx.fillRect(plot.x, lane.y, plot.width, lane.height);
}

function paintGrid(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const { plot } = layout.context.geometry;
  const dpr = layout.context.dpr;
  ctx.strokeStyle = tokens.grid;
  ctx.lineWidth = 1 / dpr;
  ctx.beginPath();
  for (const tick of layout.ticks) {
    const x = crisp(tick.x, dpr);
    ctx.moveTo(x, plot.y);
    ctx.lineTo(x, plot.y + plot.height);
  }
  ctx.stroke();
}
