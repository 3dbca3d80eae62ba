// Painting the goroutine track: bars in their states' colours (batched per
// colour), hatching on spans parked for good, the edge of merged bars, the
// stripe naming the channel a blocked span waits on, the badges, and (on the
// interactive layer) the spawn links of the goroutines in focus.

import { StateCode } from "../../../traces/model/index";
import { channelColor, STATE_COLORS_BY_CODE, textOnColor, withAlpha, type ThemeTokens } from "../../theme/palette";
import { crisp, hatchPattern, roundRect, snap, type Canvas2D } from "../canvas";
import { BADGE_PAD, BADGE_RADIUS, EXITED_BAR_HEIGHT, MERGED_EDGE_HEIGHT, WAIT_STRIPE_HEIGHT } from "../geometry";
import type { SpanRect, TimelineLayout } from "../layoutTypes";

export function paintSpans(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  const dpr = rc.dpr;
  const colors = STATE_COLORS_BY_CODE[rc.theme];
  const minWidth = 1 / dpr;
  // One fill colour per state.
  const byState = new Map<number, SpanRect[]>();
  for (const r of layout.rects) {
    let list = byState.get(r.state);
    if (list === undefined) byState.set(r.state, (list = []));
    list.push(r);
  }
  // fillRect per bar, not one path of many rects: Chromium rasterizes a many-contour path far more slowly.
  for (const [state, list] of byState) {
    ctx.fillStyle = colors[state] ?? tokens.textMuted;
    const gone = state === StateCode.exited;
    for (const r of list) {
      const x0 = snap(r.x, dpr);
      const x1 = Math.max(snap(r.x + r.width, dpr), x0 + minWidth);
      if (gone) {
        // An exited goroutine leaves a thin trace, not a bar: the eye goes to the living.
        const h = EXITED_BAR_HEIGHT;
        ctx.fillRect(x0, snap(r.y + r.height / 2 - h / 2, dpr), x1 - x0, h);
      } else {
        ctx.fillRect(x0, snap(r.y, dpr), x1 - x0, snap(r.height, dpr));
      }
    }
  }
  // Deadlocked and leaked spans are hatched: parked for good.
  const hatch = hatchPattern(ctx, tokens.spanHatch, dpr);
  if (hatch !== undefined) {
    ctx.fillStyle = hatch;
    for (const r of layout.rects) {
      if (r.state === StateCode.deadlocked || r.state === StateCode.leaked || r.state === StateCode.panicked) {
        ctx.fillRect(snap(r.x, dpr), snap(r.y, dpr), Math.max(snap(r.width, dpr), minWidth), snap(r.height, dpr));
      }
    }
  }
  // Merged bars get a darker bottom edge: "several spans here, zoom in".
  ctx.fillStyle = tokens.mergedEdge;
  for (const r of layout.rects) {
    if (r.merged && r.state !== StateCode.exited) {
      ctx.fillRect(
        snap(r.x, dpr),
        snap(r.y + r.height - MERGED_EDGE_HEIGHT, dpr),
        Math.max(snap(r.width, dpr), minWidth),
        MERGED_EDGE_HEIGHT,
      );
    }
  }
  // The channel a blocked span waits on, as a stripe along its bottom in the channel's colour.
  const stripeH = WAIT_STRIPE_HEIGHT;
  for (const r of layout.rects) {
    const chs = r.channels;
    // On slivers a stripe is only noise.
    if (chs.length === 0 || r.width < 3) continue;
    const part = r.width / chs.length;
    chs.forEach((ch, i) => {
      ctx.fillStyle = channelColor(ch, rc.theme);
      const x0 = snap(r.x + i * part, dpr);
      const x1 = Math.max(snap(r.x + (i + 1) * part, dpr), x0 + minWidth);
      ctx.fillRect(x0, snap(r.y + r.height - stripeH, dpr), x1 - x0, stripeH);
    });
  }
}

/** The badges on wide blocked spans: in the colour of the channel they name, or the theme's badge background. */
export function paintBadges(ctx: Canvas2D, layout: TimelineLayout, tokens: ThemeTokens): void {
  const rc = layout.context;
  ctx.font = tokens.badgeFont;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (const b of layout.badges) {
    const fill = b.ch === undefined ? tokens.badgeBackground : channelColor(b.ch, rc.theme);
    ctx.beginPath();
    roundRect(ctx, b.x, b.y, b.width, b.height, BADGE_RADIUS);
    ctx.fillStyle = b.ch === undefined ? withAlpha(fill, 0.85) : fill;
    ctx.fill();
    ctx.fillStyle = b.ch === undefined ? tokens.text : textOnColor(fill);
    ctx.fillText(b.text, b.x + BADGE_PAD, b.y + b.height / 2 + 0.5);
  }
}

/** A vertical link on screen: from where a goroutine was started down (or up) to its lane. */
export interface SpawnLink {
  readonly x: number;
  readonly y0: number;
  readonly y1: number;
}

/** Dotted lines from where goroutines were started (their parents' spawns) to their own lanes. */
export function paintSpawnLinks(ctx: Canvas2D, links: readonly SpawnLink[], dpr: number, tokens: ThemeTokens): void {
  ctx.strokeStyle = tokens.textMuted;
  ctx.lineWidth = 1.25;
  ctx.setLineDash([2, 2]);
  ctx.beginPath();
  for (const l of links) {
    ctx.moveTo(crisp(l.x, dpr), l.y0);
    ctx.lineTo(crisp(l.x, dpr), l.y1);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}
