// Node worker threads as run workers. The caller says how to create the
// thread: the Electron build bundles nodeRunWorker.ts as its own entry
// (electron-vite's `?nodeWorker`), tests load the TypeScript through tsx.
import type { Worker } from "node:worker_threads";
import type { RunWorkerFactory } from "../../core/runSupervisor";
import type { FromWorker } from "../../core/workerProtocol";

export function nodeRunWorkers(createThread: () => Worker): RunWorkerFactory {
  return (events) => {
    const thread = createThread();
    let terminated = false;
    thread.on("message", (message: FromWorker) => events.message(message));
    thread.on("error", (err) => events.crashed(err instanceof Error ? err.message : String(err)));
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
