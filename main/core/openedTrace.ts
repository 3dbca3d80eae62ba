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
export function warningText(w: TraceWarning): string {
  return /^line \d+:/.test(w.message) ? w.message : `line ${w.line}: ${w.message}`;
}

/** What went wrong opening `file`: the reader's line and message, or the file error. */
export function traceProblem(err: unknown, file: string): TraceProblem {
  if (err instanceof TraceFormatError) {
    return { file, line: err.line, message: err.message.replace(/^line \d+: /, "") };
  }
  return { file, message: err instanceof Error ? err.message : String(err) };
}

export function failedResult(err: unknown, file: string): OpenResult {
  return { kind: "failed", problem: traceProblem(err, file) };
}

/**
 * Reports reading progress at most every `intervalMs`, and always the last
 * chunk, so a huge file shows a moving bar without flooding the renderer.
 */
export function progressReporter(
  name: string,
  emit: (progress: OpenProgress) => void,
  intervalMs = 100,
  now: () => number = Date.now,
): (bytesRead: number, totalBytes: number | undefined) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (bytesRead, totalBytes) => {
    const t = now();
    const done = totalBytes !== undefined && bytesRead >= totalBytes;
    if (!done && t - last < intervalMs) return;
    last = t;
    emit({ name, bytesRead, totalBytes });
  };
}
