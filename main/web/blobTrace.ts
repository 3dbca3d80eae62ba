// A trace file the browser was given (picked or dropped), read through the one
// traces reader chunk by chunk — every problem is found here, with its line —
// and kept as its bytes in blocks, as the desktop keeps its files: the window
// builds its model from those blocks (TraceContent "chunks").
import { TraceReader } from "../../traces/format";
import type { ByteBlocks } from "../core/byteBlocks";
import type { ReadOutcome } from "../core/openedTrace";

export interface BlobTraceChunks extends ReadOutcome {
  readonly eventCount: number;
  readonly byteLength: number;
  readonly chunks: readonly Uint8Array[];
}

export interface BlobReadOptions {
  /** Where the bytes go: the host hands out filled blocks while the rest is still read and checked. */
  readonly blocks: ByteBlocks;
  /** Ends the read between chunks: it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Gives the page's thread to its other work (painting, input, the window's
   * model build) and resolves after; called every SLICE_MS of reading. A Blob
   * in memory answers reads at once, so without it a big file is read in one
   * task that freezes the page, Cancel button included.
   */
  readonly pause?: () => Promise<void>;
}

const SLICE_MS = 30;

export async function readTraceBlobChunks(file: Blob, options: BlobReadOptions): Promise<BlobTraceChunks> {
  const { blocks, signal } = options;
  const reader = new TraceReader({ header: () => {}, event: () => {} });
  const stream = file.stream().getReader();
  let bytesRead = 0;
  let sliceStart = performance.now();
  try {
    for (;;) {
      if (options.pause !== undefined && performance.now() - sliceStart >= SLICE_MS) {
        await options.pause();
        sliceStart = performance.now();
      }
      signal?.throwIfAborted();
      const { done, value } = await stream.read();
      if (done) break;
      signal?.throwIfAborted();
      reader.push(value);
      blocks.push(value);
      bytesRead += value.length;
      options.onProgress?.(bytesRead, file.size);
    }
  } catch (err) {
    void stream.cancel().catch(() => {});
    throw err;
  }
  const summary = reader.end();
  const byteLength = blocks.byteLength;
  return {
    header: summary.header,
    warnings: summary.warnings,
    ended: summary.ended,
    eventCount: summary.eventCount,
    byteLength,
    chunks: blocks.finish(),
  };
}
