// The worker's side of a run, for both workers (Node worker thread, Web
// Worker): each is a few lines that feed messages in and post messages out.
import { run } from "../../runtime/index";
import { ProgramLoadError } from "./programLoader";
import { loadProgramForRun } from "./runProgram";
import { runOptions } from "./runSettings";
import { BATCH_MAX_EVENTS, type FromWorker, type ToWorker } from "./workerProtocol";

/**
 * Returns the worker's message handler; `post` sends a message to the host.
 * `_goCompiler`: how the worker compiles a .go program (the host contract's
 * GoCompilerProvider; used once Go programs load here).
 */
export function workerRunHandler(post: (message: FromWorker) => void, _goCompiler?: () => Promise<unknown>): (message: ToWorker) => void {
  const stop = new AbortController();
  let started = false;
  return (message) => {
    switch (message.type) {
      case "stop":
        stop.abort();
        return;
      case "start":
        if (started) {
          post({ type: "failed", message: "a run worker runs one program; start a new worker", problem: undefined });
          return;
        }
        started = true;
        void runInWorker(message, stop.signal, post);
        return;
    }
  };
}

async function runInWorker(
  start: Extract<ToWorker, { type: "start" }>,
  signal: AbortSignal,
  post: (message: FromWorker) => void,
): Promise<void> {
  try {
    const { main, globals } = loadProgramForRun(start.program);
    post({ type: "running" });
    const result = await run(main, {
      captureLocations: true,
      ...runOptions(start.settings),
      signal,
      // A program may spin in `while (true) {}` after any await, and then only
      // terminating the worker stops it: every event must be posted before the
      // program goes on (the host batches them again).
      deliver: "each-operation",
      onEvents: (events) => {
        for (let i = 0; i < events.length; i += BATCH_MAX_EVENTS) post({ type: "batch", events: events.slice(i, i + BATCH_MAX_EVENTS) });
      },
      globals,
    });
    post({ type: "ended", status: result.status, message: result.message, limit: result.limit, eventCount: result.eventCount });
  } catch (err) {
    if (err instanceof ProgramLoadError) {
      post({
        type: "failed",
        message: err.message,
        problem: { file: err.file, line: err.line, column: err.column, message: err.detail },
      });
    } else {
      post({ type: "failed", message: `the run failed: ${err instanceof Error ? err.message : String(err)}`, problem: undefined });
    }
  }
}
