// Web Workers as run workers, each started by a run frame of its own (see
// runFrame.ts: the worker inherits the frame's CSP, which forbids every
// connection). Removing the frame terminates its worker, a runaway one too.
import type { RunWorkerFactory } from "../core/runSupervisor";
import type { FromWorker, ToWorker } from "../core/workerProtocol";
import { isGoFile } from "../core/fileNames";
import { RUN_FRAME_PAGE, type GoParserBytes, type StartWorker, type WorkerCrashed } from "./runFrameProtocol";

/** `goParser` gives the Go parser's bytes, for a worker that runs a Go program (goParserBytes.ts). */
export function webRunWorkers(goParser: () => Promise<GoParserBytes>): RunWorkerFactory {
  return (events) => {
    const run = new MessageChannel();
    const control = new MessageChannel();
    run.port1.onmessage = (event: MessageEvent<FromWorker>) => events.message(event.data);
    run.port1.onmessageerror = () => events.crashed("a message from the worker could not be read");
    control.port1.onmessage = (event: MessageEvent<WorkerCrashed>) => events.crashed(event.data.reason);
    let ended = false;
    /** What the worker needs besides its port: the Go parser when the program it gets is Go. */
    let needs: Promise<GoParserBytes | undefined> = Promise.resolve(undefined);
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "chanscope run";
    const src = new URL(RUN_FRAME_PAGE, document.baseURI);
    frame.src = src.href;
    // The supervisor posts the start message as soon as it has the worker, long before the frame loads.
    frame.addEventListener(
      "load",
      () =>
        void needs.then(
          (goParser) => {
            if (ended) return;
            const start: StartWorker = { type: "start-worker", goParser };
            frame.contentWindow?.postMessage(start, src.origin, [run.port2, control.port2]);
          },
          (err: unknown) => {
            if (!ended) events.crashed(err instanceof Error ? err.message : String(err));
          },
        ),
      { once: true },
    );
    document.body.append(frame);
    return {
      // Messages wait in the port until the worker has it.
      post: (message: ToWorker) => {
        if (message.type === "start" && isGoFile(message.program.file)) needs = goParser();
        run.port1.postMessage(message);
      },
      terminate: () => {
        ended = true;
        run.port1.close();
        control.port1.close();
        frame.remove();
      },
    };
  };
}
