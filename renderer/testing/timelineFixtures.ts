// Small hand-made runs for the timeline's tests, told as event stories with
// the model's trace fixture, and a render context over them.

import type { TraceModel } from "../../traces/model/index";
import { handoff } from "../../traces/testing/fixtureTraces";
import { trace } from "../../traces/testing/traceBuilder";
import type { ThemeName } from "../theme/palette";
import type { AxisMode, TimeWindow } from "../timeline/contract";
import type { LaneMetrics } from "../timeline/geometry";
import { laneRows } from "../timeline/lanes";
import { createRenderContext, type RenderContext } from "../timeline/renderContext";
import { fitWindow } from "../timeline/viewport";

/** The traces kit's handoff (its events are numbered there): a worker parks receiving on `jobs` (events 6-8) until main's 42 reaches it. */
export function handoffModel(): TraceModel {
  return handoff().model();
}

/** A buffered channel `results` (capacity 3) filled to 3 by main, then drained by main to 1. */
export function bufferModel(): TraceModel {
  return trace()
    .main()
    .make(1, 1, 3, "results") // 2
    .send(1, 1, "a", 1) // 3
    .send(1, 1, "b", 2) // 4
    .send(1, 1, "c", 3) // 5
    .recv(1, 1, "a", { from: 3, len: 2 }) // 6
    .recv(1, 1, "b", { from: 4, len: 1 }) // 7
    .close(1, 1, 1) // 8
    .exit(1) // 9
    .end("ok")
    .model();
}

/** A goroutine that yields and runs again `n` times: 2n spans, each one event long. */
export function busyModel(n: number): TraceModel {
  const f = trace().main().spawn(1, 2, "busy");
  for (let i = 0; i < n; i++) f.yield(1).run(2).yield(2).run(1);
  return f.exit(1).end("ok").model();
}

export function contextFor(
  model: TraceModel,
  o: {
    readonly axis?: AxisMode;
    readonly window?: TimeWindow;
    readonly width?: number;
    readonly height?: number;
    readonly scrollTop?: number;
    readonly theme?: ThemeName;
    readonly dpr?: number;
    readonly gutterWidth?: number;
    readonly lanes?: LaneMetrics;
  } = {},
): RenderContext {
  const axis = o.axis ?? "sequence";
  return createRenderContext({
    axis,
    window: o.window ?? fitWindow(model, axis),
    width: o.width ?? 1000,
    height: o.height ?? 600,
    scrollTop: o.scrollTop ?? 0,
    theme: o.theme ?? "light",
    dpr: o.dpr ?? 1,
    lanes: laneRows(model, undefined, undefined, o.lanes),
    channelWaits: model.channelWaits,
    gutterWidth: o.gutterWidth,
  });
}
