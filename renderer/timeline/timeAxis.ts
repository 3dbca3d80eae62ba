// Whether "by time" can show a run. A run whose events all happen at one
// instant (deadlock-circular: nobody sleeps, so its virtual clock never moves)
// took 0ns, and by time every event sits on one line at the left edge: such a
// run opens by event, and by time says why it is empty instead of drawing it.

import type { TraceModel } from "../../traces/model/index";
import { formatTime } from "../../traces/vocabulary/index";
import type { AxisMode } from "./contract";
import { plural } from "./words";

/** The run's events all happened at one instant: by time there is nothing to spread them over. */
export const tookNoTime = (model: TraceModel): boolean => model.length > 0 && model.endTime === model.startTime;

/**
 * The axis a trace opens on (a file, or a run that has ended): by event when
 * its run took no time, otherwise the one the user chose. The choice is kept
 * for the next trace.
 */
export function openingAxis(model: TraceModel, chosen: AxisMode): AxisMode {
  return tookNoTime(model) ? "sequence" : chosen;
}

const clockOf = (model: TraceModel): string => `${model.header?.clock ?? "virtual"} time`;

/** What the plot says instead of an empty drawing, by time, when the run took no time; undefined when it has something to draw. */
export function timeAxisNote(model: TraceModel, axis: AxisMode): string | undefined {
  if (axis !== "time" || !tookNoTime(model)) return undefined;
  const at = `t = ${formatTime(model.startTime)}`;
  const events =
    model.length === 1 ? `its one event happened at ${at}` : `all ${plural(model.length, "event", "events")} happened at ${at}`;
  const took = model.complete ? `This run took 0ns of ${clockOf(model)}` : `So far this run has taken 0ns of ${clockOf(model)}`;
  return `${took}: ${events}. Switch to by event to see them in order.`;
}

/** The "by time" switch's tooltip: what the axis is, and why it is empty for this run. */
export function timeAxisTitle(model: TraceModel | undefined): string {
  const what = `x = ${model === undefined ? "virtual time" : clockOf(model)}`;
  if (model === undefined || !tookNoTime(model)) return what;
  return `${what}. This run took 0ns of it, so every event sits at t = ${formatTime(model.startTime)}: by event shows them in order`;
}
