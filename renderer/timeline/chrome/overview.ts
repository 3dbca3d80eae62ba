// The overview strip: the whole trace at a glance, the visible window marked.
// Its picture: for each pixel column, how many goroutines were in each state
// on average over that stretch, computed once per model, axis and width (a
// sweep over every span, O(spans + columns)), never per frame, and painted
// once per summary, theme and pixel ratio.

import type { Nanos } from "../../../traces/units";
import type { TraceModel } from "../../../traces/model/index";
import { GOROUTINE_STATES, StateCode } from "../../../traces/model/index";
import { STATE_COLORS_BY_CODE, type ThemeTokens } from "../../theme/palette";
import { axisScale, type AxisScale } from "../axisScale";
import type { Canvas2D } from "../canvas";
import type { AxisMode, TimeWindow } from "../contract";
import type { TimelineGeometry } from "../geometry";
import type { RenderContext } from "../renderContext";
import { fitWindow } from "../viewport";

export interface OverviewSummary {
  readonly axis: AxisMode;
  /** The axis extent the columns cover (fitWindow). */
  readonly domain: TimeWindow;
  readonly columns: number;
  /** Per state code, per column: the average number of goroutines in that state. */
  readonly load: readonly Float32Array[];
  /** The largest column total (of states drawn), for scaling. */
  readonly peak: number;
}

/** States the overview stacks, bottom first: the ones that say how busy the run was, then the waits. */
export const OVERVIEW_STACK: readonly number[] = [
  StateCode.running,
  StateCode.runnable,
  StateCode.blockedSend,
  StateCode.blockedRecv,
  StateCode.blockedSelect,
  StateCode.blockedMutex,
  StateCode.blockedRWMutexRead,
  StateCode.blockedRWMutexWrite,
  StateCode.blockedWaitGroup,
  StateCode.blockedOnce,
  StateCode.blockedIo,
  StateCode.blockedSleep,
  StateCode.blockedSendNil,
  StateCode.blockedRecvNil,
  StateCode.blockedSelectNoCases,
  StateCode.deadlocked,
  StateCode.leaked,
  StateCode.panicked,
];

export function overviewSummary(model: TraceModel, axis: AxisMode, columns: number): OverviewSummary {
  const cols = Math.max(1, Math.floor(columns));
  const domain = fitWindow(model, axis);
  const states = GOROUTINE_STATES.length;
  // Coverage per state as a difference array plus the partial columns at each end.
  const full: Float64Array[] = [];
  const partial: Float64Array[] = [];
  for (let s = 0; s < states; s++) {
    full.push(new Float64Array(cols + 1));
    partial.push(new Float64Array(cols));
  }
  const width = (domain.end - domain.start) / cols;
  const n = model.length;
  const t = model.columns.t;
  const seq = axis === "sequence";
  const endValue = seq ? n : n > 0 ? (t[n - 1] as Nanos) : 0;
  const drawn = new Uint8Array(states);
  for (const s of OVERVIEW_STACK) drawn[s] = 1;
  for (const g of model.goroutines) {
    const track = g.spans;
    const m = track.length;
    for (let k = 0; k < m; k++) {
      const code = track.stateCode(k);
      if (drawn[code] === 0) continue;
      const si = track.startIndex(k);
      const next = k + 1 < m ? track.startIndex(k + 1) : -1;
      const sv = seq ? si : (t[si] as Nanos);
      const ev = next < 0 ? endValue : seq ? next : (t[next] as Nanos);
      const p0 = Math.max(0, (sv - domain.start) / width);
      const p1 = Math.min(cols, (ev - domain.start) / width);
      if (!(p1 > p0)) continue;
      const c0 = Math.floor(p0);
      const c1 = Math.min(cols - 1, Math.floor(p1));
      const part = partial[code] as Float64Array;
      if (c0 === c1) {
        part[c0] = (part[c0] as number) + (p1 - p0);
        continue;
      }
      part[c0] = (part[c0] as number) + (c0 + 1 - p0);
      part[c1] = (part[c1] as number) + (p1 - c1);
      const diff = full[code] as Float64Array;
      diff[c0 + 1] = (diff[c0 + 1] as number) + 1;
      diff[c1] = (diff[c1] as number) - 1;
    }
  }
  const load: Float32Array[] = [];
  const totals = new Float64Array(cols);
  for (let s = 0; s < states; s++) {
    const out = new Float32Array(cols);
    const diff = full[s] as Float64Array;
    const part = partial[s] as Float64Array;
    let run = 0;
    for (let c = 0; c < cols; c++) {
      run += diff[c] as number;
      const v = run + (part[c] as number);
      out[c] = v;
      if (drawn[s] === 1) totals[c] = (totals[c] as number) + v;
    }
    load.push(out);
  }
  let peak = 0;
  for (let c = 0; c < cols; c++) peak = Math.max(peak, totals[c] as number);
  return Object.freeze({ axis, domain, columns: cols, load: Object.freeze(load), peak });
}

// ---------------------------------------------------------------------------
// Painting

/** The overview's bars, painted once per summary, theme and pixel ratio and then copied in each frame. */
const overviewImages = new WeakMap<OverviewSummary, { key: string; image: OffscreenCanvas }>();

function overviewImage(summary: OverviewSummary, rc: RenderContext, tokens: ThemeTokens): OffscreenCanvas | undefined {
  const { overview } = rc.geometry;
  const key = `${rc.theme}@${rc.dpr}@${overview.width}x${overview.height}`;
  const cached = overviewImages.get(summary);
  if (cached?.key === key) return cached.image;
  if (typeof OffscreenCanvas !== "function") return undefined;
  const image = new OffscreenCanvas(Math.max(1, Math.round(overview.width * rc.dpr)), Math.max(1, Math.round(overview.height * rc.dpr)));
  const ctx = image.getContext("2d");
  if (ctx === null) return undefined;
  ctx.scale(rc.dpr, rc.dpr);
  const colors = STATE_COLORS_BY_CODE[rc.theme];
  const top = 3;
  const h = overview.height - 6;
  const colW = overview.width / summary.columns;
  const peak = summary.peak > 0 ? summary.peak : 1;
  const base = new Float32Array(summary.columns);
  for (const code of OVERVIEW_STACK) {
    const load = summary.load[code];
    if (load === undefined) continue;
    ctx.fillStyle = colors[code] ?? tokens.textMuted;
    for (let c = 0; c < summary.columns; c++) {
      const v = load[c] as number;
      if (v <= 0) continue;
      const y0 = (base[c] as number) / peak;
      const y1 = y0 + v / peak;
      base[c] = (base[c] as number) + v;
      const py1 = top + h - y0 * h;
      const py0 = top + h - y1 * h;
      ctx.fillRect(c * colW, py0, colW + 0.02, py1 - py0);
    }
  }
  overviewImages.set(summary, { key, image });
  return image;
}

/** The overview strip: the whole run's states, the part outside the window veiled, the window outlined. */
export function paintOverview(ctx: Canvas2D, rc: RenderContext, summary: OverviewSummary, tokens: ThemeTokens): void {
  const { overview } = rc.geometry;
  ctx.fillStyle = tokens.gutter;
  ctx.fillRect(overview.x, 0, rc.geometry.width - overview.x, overview.height - 1);
  const image = overviewImage(summary, rc, tokens);
  if (image !== undefined) ctx.drawImage(image, overview.x, 0, overview.width, overview.height);
  // The visible window: everything outside it is veiled.
  const [x0, x1] = overviewWindowX(rc, summary);
  const wx0 = Math.max(overview.x, x0);
  const wx1 = Math.min(overview.x + overview.width, x1);
  ctx.fillStyle = tokens.overviewShade;
  ctx.fillRect(overview.x, 0, Math.max(0, wx0 - overview.x), overview.height - 1);
  ctx.fillRect(wx1, 0, Math.max(0, overview.x + overview.width - wx1), overview.height - 1);
  ctx.strokeStyle = tokens.selection;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(wx0 + 0.75, 1.5, Math.max(2, wx1 - wx0 - 1.5), overview.height - 4);
}

/** Where the window sits in the overview strip (screen x), for hit testing the drag handle. */
export function overviewWindowX(rc: RenderContext, summary: OverviewSummary): readonly [number, number] {
  const scale = overviewScale(rc.geometry, summary);
  return [scale.x(rc.scale.start), scale.x(rc.scale.end)];
}

/** The whole trace's axis across the overview strip. */
export function overviewScale(geometry: TimelineGeometry, summary: OverviewSummary): AxisScale {
  return axisScale(summary.axis, summary.domain, geometry.overview.x, geometry.overview.width);
}
