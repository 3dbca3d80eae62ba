// Row chunks of recorders that were released or garbage collected, for the
// next recorders to fill. A fresh chunk costs a page fault per 4 KiB page on
// first write (1.5–4 µs each on this kind of VM, 5–15 ms for a 200k-operation
// run, more than writing the rows), and a process that runs program after
// program (tests, seed sweeps, the benchmark) would pay it on every run. Rows
// are read only up to the count written, so a reused chunk needs no zeroing.
// Bounded, so a burst of large traces is not kept alive once they are dropped.

import { CHUNK_WORDS, type Chunk } from "./rowFormat";

const spareChunks: Chunk[] = [];
const SPARE_CHUNKS_MAX = 128; // 32 MiB

/** Keeps chunks for the next recorders, up to the pool's bound. */
export function keepSpares(chunks: readonly Chunk[]): void {
  for (const c of chunks) {
    if (spareChunks.length >= SPARE_CHUNKS_MAX) return;
    spareChunks.push(c);
  }
}

/** A chunk to fill: a spare one, else a fresh one. */
export function takeChunk(): Chunk {
  return spareChunks.pop() ?? new Int32Array(CHUNK_WORDS);
}

const chunkReclaimer = typeof FinalizationRegistry === "function" ? new FinalizationRegistry<Chunk[]>(keepSpares) : undefined;

/**
 * Once `owner` is garbage collected, its chunks go to the spares. The registry
 * holds the chunk list, not the owner, so `chunks` must be the list the owner
 * fills (emptied in place, never replaced).
 */
export function reclaimWhenCollected(owner: object, chunks: Chunk[]): void {
  chunkReclaimer?.register(owner, chunks);
}

/** Row chunks waiting for reuse (for tests and diagnostics). */
export function spareRowChunks(): number {
  return spareChunks.length;
}
