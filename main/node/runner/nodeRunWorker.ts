// The desktop's and the CLI's run worker: a Node worker thread that runs one
// program, so user code never runs on Electron main's or the CLI's thread.
// The logic is in main/core/workerRun.
import { parentPort } from "node:worker_threads";
import { workerRunHandler } from "../../core/workerRun";
import type { ToWorker } from "../../core/workerProtocol";
import { nodeGoCompiler } from "./nodeGoCompiler";

const port = parentPort;
if (port === null) throw new Error("nodeRunWorker must run as a worker thread");

/**
 * The host ends the worker as soon as it hears the run ended; what the program
 * printed must reach the host's stdout first. A worker's stdout goes to the
 * host as messages of its own: a write's callback means it has been sent.
 */
const afterOutput = (then: () => void): void => {
  process.stdout.write("", () => process.stderr.write("", then));
};

const handle = workerRunHandler(
  (message) => {
    if (message.type === "ended" || message.type === "failed") afterOutput(() => port.postMessage(message));
    else port.postMessage(message);
  },
  nodeGoCompiler,
  // A Go program's output is bytes: written as they come, exactly (a byte string holds one byte a char).
  {
    stdout: (bytes) => process.stdout.write(Buffer.from(bytes, "latin1")),
    stderr: (bytes) => process.stderr.write(Buffer.from(bytes, "latin1")),
  },
);
port.on("message", (message: ToWorker) => handle(message));
