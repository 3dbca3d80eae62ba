// The browser's run worker: a Web Worker that runs one program, the twin of
// main/node/runner/nodeRunWorker.ts. The logic is in main/core/workerRun. The
// run frame (runFrame.ts) starts it under a policy with no connections; it
// also takes the network out of its own scope before any program loads, and
// then talks to the page only over the port the frame hands it. A Go program
// is compiled here, by gofront's compiler over the parser's WebAssembly,
// whose bytes the page fetched and handed down (this worker may fetch nothing).
import { createGoCompiler, type GoCompiler } from "../../gofront/compiler/compile";
import { workerRunHandler } from "../core/workerRun";
import type { FromWorker, ToWorker } from "../core/workerProtocol";
import { removeNetworkGlobals } from "./networkGlobals";
import type { GoParserBytes, RunPort, WorkerToFrame } from "./runFrameProtocol";

interface WorkerScope {
  postMessage(message: WorkerToFrame): void;
  onmessage: ((event: MessageEvent<RunPort>) => void) | null;
}

/** The compiler over the given bytes, made the first time it is asked for. */
function goCompilerOf(goParser: GoParserBytes): () => Promise<GoCompiler> {
  let compiler: Promise<GoCompiler> | undefined;
  return () => (compiler ??= createGoCompiler(goParser));
}

const scope = globalThis as unknown as WorkerScope;
removeNetworkGlobals(globalThis);
scope.onmessage = (event) => {
  const port = event.ports[0];
  if (event.data.type !== "run-port" || port === undefined) return;
  scope.onmessage = null;
  const { goParser } = event.data;
  const post = (message: FromWorker): void => port.postMessage(message);
  const handle = workerRunHandler(post, goParser === undefined ? undefined : goCompilerOf(goParser));
  port.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
};
scope.postMessage({ type: "ready" });
