// A trace file read by the traces reader, as the hosts hand it to the renderer:
// the opened trace, or the reader's error with file, line and message. One
// mapping for the desktop and the browser, so both say the same thing.
import type { TraceHeader } from "../../traces/events";
import type { TraceWarning } from "../../traces/format";
import { TraceFormatError } from "../../traces/format";
import type { OpenProgress, OpenResult, TraceContent, TraceProblem } from "../contract/hostApi";

/** What the reader says of a whole trace, besides its events. */
export interface ReadOutcome {
  readonly header: TraceHeader;
  readonly warnings: readonly TraceWarning[];
  readonly ended: boolean;
}

export function openedResult(read: ReadOutcome, content: TraceContent, name: string, path?: string): OpenResult {
  return {
    kind: "opened",
    trace: {
      name,
      ...(path !== undefined ? { path } : {}),
      header: read.header,
      content,
      warnings: read.warnings.map(warningText),
      ended: read.ended,
    },
  };
}

/** "line 812: …" — the reader's own cut-off warning already starts so. */
function warningText(w: TraceWarning): string {
  return /^line \d+:/.test(w.message) ? w.message : `line ${w.line}: ${w.message}`;
}

/** What went wrong opening `file`: the reader's line and message, or the file error. */
function traceProblem(err: unknown, file: string): TraceProblem {
  if (err instanceof TraceFormatError) {
    return { file, line: err.line, message: err.message.replace(/^line \d+: /, "") };
  }
  return { file, message: err instanceof Error ? err.message : String(err) };
}

/** What went wrong opening `file`, as the open's answer; an open the user cancelled answers `cancelled`. */
export function failedResult(err: unknown, file: string): OpenResult {
  if (err instanceof OpenCancelled) return { kind: "cancelled" };
  return { kind: "failed", problem: traceProblem(err, file) };
}

/** The reason an open's signal carries when the user cancels it. */
export class OpenCancelled extends Error {
  constructor() {
    super("the open was cancelled");
    this.name = "OpenCancelled";
  }
}

/** An open under way: its signal aborts (with OpenCancelled) when the user cancels it. */
export interface OpenUnderWay {
  readonly signal: AbortSignal;
  /** The open has answered: a cancel no longer reaches it. */
  end(): void;
}

/**
 * The host's open in progress, for HostApi.cancelOpen. One at a time, as the
 * progress the window shows is of one: a newer open becomes the one a cancel
 * reaches.
 */
export class CancellableOpens {
  private current: AbortController | undefined;

  begin(): OpenUnderWay {
    const controller = new AbortController();
    this.current = controller;
    return {
      signal: controller.signal,
      end: () => {
        if (this.current === controller) this.current = undefined;
      },
    };
  }

  cancel(): void {
    this.current?.abort(new OpenCancelled());
    this.current = undefined;
  }
}

/**
 * Reports reading progress at most every `intervalMs`, and always the last
 * chunk, so a huge file shows a moving bar without flooding the renderer. With
 * a content id (the desktop), each report says how many chunks are ready, and
 * a newly filled chunk is reported at once: the window is waiting for it.
 */
export function progressReporter(
  name: string,
  emit: (progress: OpenProgress) => void,
  options: { readonly intervalMs?: number; readonly now?: () => number; readonly contentId?: number } = {},
): (bytesRead: number, totalBytes: number | undefined, chunksReady?: number) => void {
  const intervalMs = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  const contentId = options.contentId;
  let last = Number.NEGATIVE_INFINITY;
  let lastReady = 0;
  return (bytesRead, totalBytes, chunksReady = 0) => {
    const t = now();
    const done = totalBytes !== undefined && bytesRead >= totalBytes;
    if (!done && chunksReady <= lastReady && t - last < intervalMs) return;
    last = t;
    lastReady = chunksReady;
    emit(contentId === undefined ? { name, bytesRead, totalBytes } : { name, bytesRead, totalBytes, contentId, chunksReady });
  };
}
