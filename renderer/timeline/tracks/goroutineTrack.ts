// The goroutine track: one lane per goroutine, its spans as bars (sub-pixel
// spans merged), a badge on wide blocked spans naming what they wait on; what
// is under the pointer there, and the words for it. Painting is in
// goroutineTrackPaint.ts, the event glyphs on these lanes in goroutineGlyphs.ts.
//
// Only the spans in view are visited: a binary search finds the first, and
// spans narrower than a pixel merge into summary bars over fixed pixel buckets
// of the absolute axis, so a pan never regroups them (no flicker) and a
// million events cost what the screen's pixels cost.

import { eventIndex, type ChannelId, type GoroutineId } from "../../../traces/events";
import {
  GOROUTINE_STATES,
  isWaitingCode,
  StateCode,
  type GoroutineInfo,
  type GoroutineStateCode,
  type SpanTrack,
  type TraceModel,
  type WaitInfo,
} from "../../../traces/model/index";
import type { EventIndex } from "../../../traces/events";
import type { Nanos } from "../../../traces/units";
import {
  eventNumber,
  formatTime,
  goroutineLabel,
  goroutineLabelOf,
  stateLabel,
  waitChannels,
  waitPhrase,
} from "../../../traces/vocabulary/index";
import { BADGE_HEIGHT, BADGE_MIN_WIDTH, BADGE_PAD, MERGE_PX, spanInset } from "../geometry";
import type { SpanBadge, SpanRect, TextLabel, TimelineLayout, VisibleLane } from "../layoutTypes";
import { fitText, type RenderContext } from "../renderContext";
import { at, plural, type Description } from "../words";

const NO_CHANNELS: readonly ChannelId[] = Object.freeze([]);

type MutableRect = { -readonly [K in keyof SpanRect]: SpanRect[K] };

/** Per-state time inside the bucket being merged. */
const bucketWeights = new Float64Array(32);

/** Lays out one goroutine lane's bars into `rects`, and the badges (and their labels) of its wide blocked spans. */
export function layoutGoroutineLane(
  model: TraceModel,
  rc: RenderContext,
  lane: VisibleLane,
  info: GoroutineInfo,
  rects: SpanRect[],
  badges: SpanBadge[],
  labels: TextLabel[],
): void {
  const track = info.spans;
  const n = track.length;
  if (n === 0 || model.length === 0) return;
  const t = model.columns.t;
  const { scale } = rc;
  const seq = scale.axis === "sequence";
  const ws = scale.start;
  const we = scale.end;
  const k = scale.pxPerUnit;
  const { plot } = rc.geometry;
  const left = plot.x - 2;
  const right = plot.x + plot.width + 2;
  const total = model.length;
  const endValue = seq ? total : (t[total - 1] as Nanos);
  const inset = spanInset(lane.height);
  const y = lane.y + inset;
  const h = lane.height - 2 * inset;
  const first = seq ? Math.max(0, track.spanAt(eventIndex(Math.floor(ws)))) : track.firstEndingAtOrAfter(ws as number as Nanos);

  // The merge group in progress: tiny spans whose starts share one absolute pixel bucket.
  let groupBucket = Number.NaN;
  let groupX0 = 0;
  let groupX1 = 0;
  let groupFirst = 0;
  let groupLast = 0;
  let groupLongest = 0;
  let groupLongestWidth = -1;
  const touched: number[] = [];
  let previous: MutableRect | undefined;
  let previousLongestWidth = -1;

  const flush = (): void => {
    if (Number.isNaN(groupBucket)) return;
    let state = 0;
    let best = -1;
    for (const s of touched) {
      const w = bucketWeights[s] as number;
      // Ties go to the lower code, so the choice never depends on the order spans were seen in.
      if (w > best || (w === best && s < state)) {
        best = w;
        state = s;
      }
      bucketWeights[s] = 0;
    }
    touched.length = 0;
    const count = groupLast - groupFirst + 1;
    const p = previous;
    if (p !== undefined && p.merged && p.state === state && Math.abs(p.x + p.width - groupX0) < 0.5) {
      // Neighbouring summary bars of one state read as one bar.
      p.width = groupX1 - p.x;
      p.lastSpan = groupLast;
      p.count += count;
      if (groupLongestWidth > previousLongestWidth) {
        p.span = groupLongest;
        previousLongestWidth = groupLongestWidth;
      }
    } else {
      const r: MutableRect = {
        g: info.id,
        x: groupX0,
        y,
        width: groupX1 - groupX0,
        height: h,
        state,
        span: groupLongest,
        firstSpan: groupFirst,
        lastSpan: groupLast,
        count,
        merged: count > 1,
        channels: NO_CHANNELS,
      };
      rects.push(r);
      previous = r;
      previousLongestWidth = groupLongestWidth;
    }
    groupBucket = Number.NaN;
  };

  for (let s = first; s < n; s++) {
    const si = track.startIndex(s);
    const sv = seq ? si : (t[si] as Nanos);
    if (sv >= we) break;
    const next = s + 1 < n ? track.startIndex(s + 1) : -1;
    const ev = next < 0 ? endValue : seq ? next : (t[next] as Nanos);
    if (ev < ws) continue;
    // scale.x inlined: this loop runs once per span in view.
    const xa = plot.x + (sv - ws) * k;
    const xb = plot.x + (ev - ws) * k;
    const state = track.stateCode(s);
    if (xb - xa >= MERGE_PX) {
      flush();
      const x = Math.max(xa, left);
      const r: MutableRect = {
        g: info.id,
        x,
        y,
        width: Math.min(xb, right) - x,
        height: h,
        state,
        span: s,
        firstSpan: s,
        lastSpan: s,
        count: 1,
        merged: false,
        channels: NO_CHANNELS,
      };
      if (isWaitingCode(state)) layoutWait(model, rc, track, s, r, badges, labels);
      rects.push(r);
      previous = r;
      continue;
    }
    const bucket = Math.floor((sv * k) / MERGE_PX);
    if (bucket !== groupBucket) {
      flush();
      groupBucket = bucket;
      groupX0 = Math.max(xa, left);
      groupFirst = s;
      groupLongestWidth = -1;
    }
    groupX1 = Math.min(Math.max(xb, groupX0), right);
    groupLast = s;
    const w = xb - xa;
    if (w > groupLongestWidth) {
      groupLongestWidth = w;
      groupLongest = s;
    }
    if (bucketWeights[state] === 0) touched.push(state);
    // A zero-length span (time mode: several changes at one instant) still counts a little.
    bucketWeights[state] = (bucketWeights[state] as number) + Math.max(w, 1e-6);
  }
  flush();
}

/** The channels a blocked span waits on (its stripe) and, when it is wide enough, its badge. */
function layoutWait(
  model: TraceModel,
  rc: RenderContext,
  track: SpanTrack,
  s: number,
  r: MutableRect,
  badges: SpanBadge[],
  labels: TextLabel[],
): void {
  const state = r.state;
  const w = track.waitIndex(s);
  if (w < 0) return;
  const { plot } = rc.geometry;
  const visibleWidth = Math.min(r.x + r.width, plot.x + plot.width) - Math.max(r.x, plot.x);
  if ((state === StateCode.blockedSend || state === StateCode.blockedRecv) && visibleWidth < BADGE_MIN_WIDTH) {
    // The common case, without building the span's WaitInfo.
    const ch = model.channelOf(w);
    if (ch !== undefined) r.channels = [ch];
    return;
  }
  const wait = track.span(s).wait;
  if (wait === undefined) return;
  r.channels = waitChannels(wait);
  layoutBadge(model, rc, r, wait, badges, labels);
}

function layoutBadge(model: TraceModel, rc: RenderContext, r: MutableRect, wait: WaitInfo, badges: SpanBadge[], labels: TextLabel[]): void {
  const { plot } = rc.geometry;
  // A lane squeezed to fit has no room for words: the wait stripe's colour still says what the span waits on.
  if (r.height < BADGE_HEIGHT - 2) return;
  // Sticky: a span running off the left edge keeps its badge in view.
  const vx0 = Math.max(r.x, plot.x) + 2;
  const vx1 = Math.min(r.x + r.width, plot.x + plot.width) - 2;
  if (vx1 - vx0 < BADGE_MIN_WIDTH) return;
  const maxText = vx1 - vx0 - 2 * BADGE_PAD;
  const texts = waitPhrase(wait, "badge", model);
  let text: string | undefined;
  for (const candidate of texts) {
    if (rc.measureText(candidate, "badge") <= maxText) {
      text = candidate;
      break;
    }
  }
  if (text === undefined && texts.length > 0) text = fitText(texts[texts.length - 1] as string, maxText, "badge", rc.measureText, 4);
  if (text === undefined) return;
  const width = rc.measureText(text, "badge") + 2 * BADGE_PAD;
  const chs = r.channels;
  const badge: SpanBadge = {
    x: vx0,
    y: r.y + (r.height - BADGE_HEIGHT) / 2,
    width,
    height: BADGE_HEIGHT,
    text,
    ch: chs.length === 1 ? chs[0] : undefined,
    g: r.g,
    span: r.span,
  };
  badges.push(badge);
  labels.push({
    text,
    x: badge.x + BADGE_PAD,
    y: badge.y,
    width: width - 2 * BADGE_PAD,
    height: BADGE_HEIGHT,
    font: "badge",
    role: "badge",
    align: "left",
  });
}

/** The state code of goroutine `g` after event `index` (StateCode.none before it exists). */
export function stateCodeAt(info: GoroutineInfo, index: EventIndex): GoroutineStateCode {
  const k = info.spans.spanAt(index);
  return k < 0 ? StateCode.none : info.spans.stateCode(k);
}

// ---------------------------------------------------------------------------
// Hit testing

export interface SpanHit {
  readonly kind: "span";
  readonly rect: SpanRect;
}

/** Thin bars (merged, or tiny spans) are easier to hit with a little slack. */
const SPAN_SLACK = 2;

/** The bar of goroutine `g`'s lane under (x, y): the nearest within a little slack, the narrowest where bars overlap. */
export function hitSpan(layout: TimelineLayout, g: GoroutineId, x: number, y: number): SpanHit | undefined {
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

// ---------------------------------------------------------------------------
// Words

/** A goroutine's label in the gutter: who it is, who started it, how it ended. */
export function describeGoroutine(model: TraceModel, g: GoroutineId): Description | undefined {
  const info = model.goroutine(g);
  if (info === undefined) return undefined;
  const parent = info.parent === undefined || info.parent === 0 ? "" : `started by ${goroutineLabelOf(model, info.parent)}`;
  const end = info.end === undefined ? "" : `${stateLabel(info.end.state)} at ${at(model, info.end.at.index)}`;
  return { title: goroutineLabel(info), detail: [parent, end].filter((s) => s !== "").join(" · ") || undefined };
}

export function describeSpan(
  model: TraceModel,
  g: GoroutineId,
  span: number,
  merged: number,
  mergedState: number,
): Description | undefined {
  const track = model.goroutine(g)?.spans;
  if (track === undefined || span < 0 || span >= track.length) return undefined;
  const who = goroutineLabelOf(model, g);
  if (merged > 1) {
    const state = GOROUTINE_STATES[mergedState];
    return {
      title: `${who} — ${plural(merged, "span", "spans")} in this pixel`,
      detail: `mostly ${state === undefined ? "?" : stateLabel(state)} · zoom in to see them`,
    };
  }
  const code = track.stateCode(span);
  const s = track.span(span);
  const start = s.start.index;
  const end = track.endIndex(span);
  const events = end - start;
  const lasted = `${plural(events, "event", "events")}, ${formatTime(s.end.t - s.start.t)}${s.open ? " so far" : ""}`;
  if (isWaitingCode(code) && s.wait !== undefined) {
    // A plain wait's sentence says it is blocked; a wait that never ends says so first.
    const sentence = waitPhrase(s.wait, "sentence", model);
    const forGood = s.state === "deadlocked" || s.state === "leaked";
    const what = forGood ? `${s.state}: ${sentence}` : sentence;
    // Measured from the block, not from this span's start: a deadlocked span starts at the deadlock, the wait long before.
    const block = s.wait.block;
    const waited = `${plural(end - block.index, "event", "events")}, ${formatTime(s.end.t - block.t)}`;
    const howLong = forGood
      ? `blocked for ${waited} when the run ended; it never resumes`
      : `blocked for ${waited}${s.open ? " so far" : ""}`;
    return {
      title: `${who} — ${what} since event ${eventNumber(block.index)} (${formatTime(block.t)})`,
      // The sentence already says what a sender holds.
      detail: `${howLong}${s.wait.loc !== undefined ? ` · ${s.wait.loc}` : ""}`,
    };
  }
  if (s.state === "exited" || s.state === "panicked")
    return { title: `${who} — ${stateLabel(s.state)} at ${at(model, start)}`, detail: undefined };
  return { title: `${who} — ${stateLabel(s.state)} since ${at(model, start)}`, detail: `lasted ${lasted}` };
}
