// Web Workers as run workers, each started by a run frame of its own (see
// runFrame.ts: the worker inherits the frame's CSP, which forbids every
// connection). Removing the frame terminates its worker, a runaway one too.
import type { RunWorkerFactory } from "../core/runSupervisor";
import type { FromWorker } from "../core/workerProtocol";
import { RUN_FRAME_PAGE, type StartWorker, type WorkerCrashed } from "./runFrameProtocol";

export const webRunWorkers: RunWorkerFactory = (events) => {
  const run = new MessageChannel();
  const control = new MessageChannel();
  run.port1.onmessage = (event: MessageEvent<FromWorker>) => events.message(event.data);
  run.port1.onmessageerror = () => events.crashed("a message from the worker could not be read");
  control.port1.onmessage = (event: MessageEvent<WorkerCrashed>) => events.crashed(event.data.reason);
  const frame = document.createElement("iframe");
  frame.hidden = true;
  frame.title = "chanscope run";
  const src = new URL(RUN_FRAME_PAGE, document.baseURI);
  frame.src = src.href;
  frame.addEventListener(
    "load",
    () => frame.contentWindow?.postMessage({ type: "start-worker" } satisfies StartWorker, src.origin, [run.port2, control.port2]),
    { once: true },
  );
  document.body.append(frame);
  return {
    // Messages wait in the port until the worker has it.
    post: (message) => run.port1.postMessage(message),
    terminate: () => {
      run.port1.close();
      control.port1.close();
      frame.remove();
    },
  };
};
