// The browser's run worker: a Web Worker that runs one program, the twin of
// main/node/runner/nodeRunWorker.ts. The logic is in main/core/workerRun.
import { workerRunHandler } from "../core/workerRun";
import type { FromWorker, ToWorker } from "../core/workerProtocol";

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { readonly data: ToWorker }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = workerRunHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
