// The worker's side of a run, for both workers (Node worker thread, Web
// Worker): each is a few lines that feed messages in and post messages out.
import { run } from "../../runtime/index";
import { ProgramLoadError } from "./programLoader";
import { loadProgramForRun } from "./runProgram";
import { runOptions } from "./runSettings";
import { EventBatcher } from "./eventBatcher";
import type { FromWorker, ToWorker } from "./workerProtocol";

/** Returns the worker's message handler; `post` sends a message to the host. */
export function workerRunHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
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
  const batcher = new EventBatcher((events) => post({ type: "batch", events }));
  try {
    const { main, globals } = loadProgramForRun(start.program);
    post({ type: "running" });
    const result = await run(main, {
      captureLocations: true,
      ...runOptions(start.settings),
      signal,
      onEvents: (events) => batcher.add(events),
      globals,
    });
    batcher.flush();
    post({ type: "ended", status: result.status, message: result.message, limit: result.limit, eventCount: result.eventCount });
  } catch (err) {
    batcher.flush();
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
