// The messages between the page, the run frame (runFrame.html, whose own CSP
// its run workers inherit) and a run worker, besides the run's own
// (main/core/workerProtocol.ts, which go straight between the page and the
// worker over the `run` port).

/**
 * The Go parser's WebAssembly (a gofront ParserWasm): the page fetches it and
 * hands it down, since the frame and its workers may connect nowhere.
 */
export interface GoParserBytes {
  readonly runtime: Uint8Array;
  readonly grammar: Uint8Array;
}

/** Page → frame: start a run worker; the message carries two ports, [run, control]. */
export interface StartWorker {
  readonly type: "start-worker";
  /** Given when the worker is to run a Go program. */
  readonly goParser: GoParserBytes | undefined;
}

/** Frame → page, on the control port: the worker died or never started. */
export interface WorkerCrashed {
  readonly type: "crashed";
  readonly reason: string;
}

/** Worker → frame: it has loaded and waits for the run port (the message carrying it is a `RunPort`). */
export type WorkerToFrame = { readonly type: "ready" } | WorkerCrashed;

/** Frame → worker: the port to the page, in `ports[0]`, and the Go parser if the page gave one. */
export interface RunPort {
  readonly type: "run-port";
  readonly goParser: GoParserBytes | undefined;
}

/** The frame's page, beside the app's (vite.web.config.ts builds it). */
export const RUN_FRAME_PAGE = "runFrame.html";
