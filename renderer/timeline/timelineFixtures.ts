// Small hand-made runs for the timeline's tests, told as event stories with
// the model's trace fixture, and a render context over them.

import type { TraceModel } from "../../traces/model/index";
import { trace } from "../../traces/testing/traceBuilder";
import type { AxisMode, TimeWindow } from "./contract";
import { laneRows } from "./lanes";
import { createRenderContext, type RenderContext } from "./renderContext";
import { fitWindow } from "./viewport";

/**
 * main makes unbuffered `jobs`, starts a worker that parks receiving on it,
 * then sends 42, which the worker takes.
 *
 *   0 spawn main · 1 run main · 2 make jobs · 3 spawn worker · 4 yield main · 5 run worker
 *   6 worker blocks: chan receive on jobs · 7 run main · 8 main sends 42 (to the worker)
 *   9 worker unblocked · 10 yield main · 11 run worker · 12 worker receives 42 · 13 worker exits
 *   14 run main · 15 main exits · 16 end
 */
export function handoffModel(): TraceModel {
  return trace()
    .main()
    .make(1, 1, 0, "jobs")
    .spawn(1, 2, "worker")
    .yield(1)
    .run(2)
    .block(2, "chan receive", { ch: 1 })
    .run(1)
    .send(1, 1, "42", 0, { peer: 2 })
    .unblock(2, 1)
    .yield(1)
    .run(2)
    .recv(2, 1, "42", { from: 8, peer: 1 })
    .exit(2)
    .run(1)
    .exit(1)
    .end("ok")
    .model();
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
  o: { readonly axis?: AxisMode; readonly window?: TimeWindow; readonly width?: number; readonly height?: number; readonly scrollTop?: number } = {},
): RenderContext {
  const axis = o.axis ?? "sequence";
  return createRenderContext({
    axis,
    window: o.window ?? fitWindow(model, axis),
    width: o.width ?? 1000,
    height: o.height ?? 600,
    scrollTop: o.scrollTop ?? 0,
    lanes: laneRows(model),
    channelWaits: model.channelWaits,
  });
}
