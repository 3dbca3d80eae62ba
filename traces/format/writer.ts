// Streaming writer: lines go to a sink (a file, an IPC batch, an array in a test) in
// batches, so a running program's events can be appended as they come.
import type { TraceEvent, TraceHeader } from "../events";
import { serializeEvent, serializeHeader } from "./encode";

export interface TraceWriterOptions {
  /** Hand text to the sink once about this many characters are pending. Default 64 KiB. */
  readonly batchChars?: number;
}

const DEFAULT_BATCH_CHARS = 64 * 1024;

/**
 * Writes the header line at once, then event lines as they are given. Text reaches the
 * sink in whole lines only, so whatever the sink has written is a loadable trace.
 */
export class TraceWriter {
  private readonly write: (text: string) => void;
  private readonly batchChars: number;
  private pending: string[] = [];
  private pendingChars = 0;
  private count = 0;

  constructor(header: TraceHeader, write: (text: string) => void, options: TraceWriterOptions = {}) {
    this.write = write;
    this.batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
    this.push(serializeHeader(header));
  }

  /** Events written so far. */
  get eventCount(): number {
    return this.count;
  }

  event(e: TraceEvent): void {
    this.push(serializeEvent(e));
    this.count++;
  }

  events(es: Iterable<TraceEvent>): void {
    for (const e of es) this.event(e);
  }

  /** Hands everything pending to the sink. Call it at the end, and whenever the sink should catch up. */
  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    this.write(text);
  }

  private push(line: string): void {
    this.pending.push(line, "\n");
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= this.batchChars) this.flush();
  }
}
