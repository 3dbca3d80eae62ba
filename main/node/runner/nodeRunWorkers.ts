// Node worker threads as run workers. The caller says how to create the
// thread: the Electron build bundles nodeRunWorker.ts as its own entry
// (electron-vite's `?nodeWorker`), tests load the TypeScript through tsx.
// Each thread gets a heap limit of its own: a program that allocates without
// end ends its own run, never the host's process.
import type { ResourceLimits, Worker } from "node:worker_threads";
import type { RunWorkerFactory } from "../../core/runSupervisor";
import type { FromWorker } from "../../core/workerProtocol";

/** The heap a run's program may use, in MB, unless the host says otherwise. */
export const DEFAULT_RUN_HEAP_MB = 1024;

/** What the thread is created with. */
export interface RunThreadOptions {
  readonly resourceLimits: ResourceLimits;
}

export function nodeRunWorkers(
  createThread: (options: RunThreadOptions) => Worker,
  heapMb: number = DEFAULT_RUN_HEAP_MB,
): RunWorkerFactory {
  return (events) => {
    const thread = createThread({ resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let terminated = false;
    thread.on("message", (message: FromWorker) => events.message(message));
    thread.on("error", (err) => {
      if ((err as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        terminated = true;
        events.limitReached(
          `stopped: the program used up its memory limit of ${heapMb.toLocaleString("en")} MB, so its worker was ended; ` +
            `the events recorded until then are kept`,
        );
        return;
      }
      events.crashed(err instanceof Error ? err.message : String(err));
    });
    thread.on("exit", (code) => {
      if (!terminated) events.crashed(`it exited with code ${code}`);
    });
    return {
      post: (message) => thread.postMessage(message),
      terminate: () => {
        terminated = true;
        void thread.terminate();
      },
    };
  };
}
