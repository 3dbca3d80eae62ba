// The overview strip's picture of the whole trace: for each pixel column, how
// many goroutines were in each state on average over that stretch. Computed
// once per model, axis and width (a sweep over every span, O(spans + columns)),
// never per frame.

import type { Nanos } from "../../traces/units";
import type { TraceModel } from "../../traces/model/index";
import { GOROUTINE_STATES, StateCode } from "../../traces/model/index";
import type { AxisMode, TimeWindow } from "./contract";
import { fitWindow } from "./viewport";

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
