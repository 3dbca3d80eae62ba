// Web Workers as run workers. Terminating one stops a runaway program at once.
import type { RunWorkerFactory } from "../core/runSupervisor";
import type { FromWorker } from "../core/workerProtocol";

export const webRunWorkers: RunWorkerFactory = (events) => {
  // Literal `new Worker(new URL(…, import.meta.url))`: vite bundles the worker from it.
  const worker = new Worker(new URL("./runWorker.ts", import.meta.url), { type: "module", name: "chanscope run" });
  worker.onmessage = (event: MessageEvent<FromWorker>) => events.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    events.crashed(event.message || "the worker failed to start");
  };
  worker.onmessageerror = () => events.crashed("a message from the worker could not be read");
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
};
