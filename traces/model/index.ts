// The trace model's public surface (DESIGN §4): build it with TraceModelBuilder
// or buildModel, then read everything from the frozen TraceModel.

export { TraceModelBuilder, buildModel, type BuildOptions } from "./builder";
export { replayStateAt } from "./createModel";
export type { TraceModel, GoroutineInfo, RunEnding, Anomaly, HotColumns } from "./traceModel";
export type { ChannelWaits, ChannelWaitSeries, WaitSeries } from "./channelWaits";
export type { EventRef } from "./eventRef";
export { EVENT_KINDS, GOROUTINE_STATES, StateCode, type GoroutineState, type GoroutineStateCode } from "../codes";
export { isWaitingCode } from "./goroutineState";
export type { Span, SpanTrack } from "./goroutineSpans";
export type { WaitInfo } from "./waitInfo";
export type { ChannelInfo, StepSeries, User } from "./channels";
export type { SyncObjectInfo } from "./syncObjects";
export type { Flow, FlowStatus, FlowTable } from "./flows";
export type { SelectDecision, SelectTable } from "./selects";
export type { CancelPropagation, ContextCancel, ContextInfo } from "./contexts";
export type { TimerInfo } from "./timers";
export type {
  BufferedValue,
  ChannelStateAt,
  ChannelWaiter,
  ContextStateAt,
  GoroutineStateAt,
  ModelState,
  ObjectWaiter,
  SyncObjectStateAt,
} from "./stateAt";
export type {
  Actor,
  ActorRole,
  ResourceRef,
  WaitCycle,
  WaitCycleStep,
  WaitDependency,
  WaitEdge,
  WaitForGraph,
  WaitNode,
} from "./waitForGraph";
export type { ExplainedCycle, ExplanationItem, ExplanationItemKind, PanicSummary, RunExplanation, RunOutcome } from "./explanation";
export type { EventColumn, ReadonlyInt32Array, ReadonlyUint8Array } from "./readonlyArrays";
export { isVerdict, verdictFrom } from "./verdict";
