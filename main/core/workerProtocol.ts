// The messages between a host and the worker that runs one program: the same
// for a Node worker thread (desktop) and a Web Worker (browser). One worker
// runs one program and is then discarded, so every run gets a fresh realm.
import type { TraceEvent } from "../../traces/events";
import type { ProgramProblem, RunSettings } from "../contract/hostApi";
import type { ProgramSource } from "./traceHeader";

export type ToWorker =
  | { readonly type: "start"; readonly program: ProgramSource; readonly settings: RunSettings }
  /** Ask the run to end at its next runtime operation (a runaway one is terminated instead). */
  | { readonly type: "stop" };

export type FromWorker =
  /** The program loaded and its run began: the wall clock starts now. */
  | { readonly type: "running" }
  /** Events in order; the batches concatenated are the run's trace. */
  | { readonly type: "batch"; readonly events: readonly TraceEvent[] }
  /** The run ended by itself or by a stop: the last batch (with the end event) came before. */
  | {
      readonly type: "ended";
      readonly status: "ok" | "deadlock" | "panic" | "timeout";
      readonly message: string;
      readonly limit: "events" | "virtual-time" | "wall-time" | "stopped" | undefined;
      readonly eventCount: number;
    }
  /** The program did not load (problem says where), or the runtime failed. */
  | { readonly type: "failed"; readonly message: string; readonly problem: ProgramProblem | undefined };

/** The most events one batch message holds (see EventBatcher). */
export const BATCH_MAX_EVENTS = 5000;

/** The wall-clock budget of a run when the settings give none (the runtime's own default). */
export const DEFAULT_WALL_TIME_MS = 60_000;
