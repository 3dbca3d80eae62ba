// Bytes gathered into blocks of one size as they stream in: how the desktop
// keeps an opened trace file and hands it to the renderer, one block per IPC
// reply (TraceContent "chunks" in the contract). Each block owns its buffer:
// a structured clone of a view would copy the whole buffer behind it.

/** 8 MiB: a few round trips for a million-event trace, far under an IPC message's ceiling. */
const TRACE_CHUNK_BYTES = 8 * 1024 * 1024;

export class ByteBlocks {
  private readonly blocks: Uint8Array[] = [];
  private current: Uint8Array | undefined;
  private used = 0;
  private total = 0;

  constructor(private readonly blockBytes: number = TRACE_CHUNK_BYTES) {
    if (!Number.isSafeInteger(blockBytes) || blockBytes < 1)
      throw new RangeError(`block size must be a positive whole number, got ${blockBytes}`);
  }

  get byteLength(): number {
    return this.total;
  }

  /** Blocks filled so far. A filled block is final (later bytes go to the next), so it may be handed out before the stream ends. */
  get filledCount(): number {
    return this.blocks.length;
  }

  /** Filled block `index`, or undefined while it is not full yet. */
  filled(index: number): Uint8Array | undefined {
    return this.blocks[index];
  }

  push(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length;) {
      const block = (this.current ??= new Uint8Array(this.blockBytes));
      const n = Math.min(chunk.length - at, this.blockBytes - this.used);
      block.set(chunk.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === this.blockBytes) {
        this.blocks.push(block);
        this.current = undefined;
        this.used = 0;
      }
    }
    this.total += chunk.length;
  }

  /** The blocks, the last one cut to what it holds. The collector is empty afterwards. */
  finish(): readonly Uint8Array[] {
    if (this.current !== undefined && this.used > 0) this.blocks.push(this.current.slice(0, this.used));
    this.current = undefined;
    this.used = 0;
    this.total = 0;
    return this.blocks.splice(0);
  }
}
