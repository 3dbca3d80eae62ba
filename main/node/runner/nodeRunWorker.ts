// The desktop's run worker: a Node worker thread that runs one program, so user
// code never runs on Electron main's thread. The logic is in main/core/workerRun.
import { parentPort } from "node:worker_threads";
import { workerRunHandler } from "../../core/workerRun";
import type { ToWorker } from "../../core/workerProtocol";

const port = parentPort;
if (port === null) throw new Error("nodeRunWorker must run as a worker thread");
const handle = workerRunHandler((message) => port.postMessage(message));
port.on("message", (message: ToWorker) => handle(message));
