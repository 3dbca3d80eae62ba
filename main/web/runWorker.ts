// The browser's run worker: a Web Worker that runs one program, the twin of
// main/node/runner/nodeRunWorker.ts. The logic is in main/core/workerRun. The
// run frame (runFrame.ts) starts it under a policy with no connections; it
// also takes the network out of its own scope before any program loads, and
// then talks to the page only over the port the frame hands it.
import { workerRunHandler } from "../core/workerRun";
import type { FromWorker, ToWorker } from "../core/workerProtocol";
import { removeNetworkGlobals } from "./networkGlobals";
import type { RunPort, WorkerToFrame } from "./runFrameProtocol";

interface WorkerScope {
  postMessage(message: WorkerToFrame): void;
  onmessage: ((event: MessageEvent<RunPort>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
removeNetworkGlobals(globalThis);
scope.onmessage = (event) => {
  const port = event.ports[0];
  if (event.data.type !== "run-port" || port === undefined) return;
  scope.onmessage = null;
  const handle = workerRunHandler((message: FromWorker) => port.postMessage(message));
  port.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
};
scope.postMessage({ type: "ready" });
