// A channel's buffer: a FIFO of values that also remembers, per value, the seq
// of the send event and the sending goroutine (so a receive through the buffer
// can name its `from` and `peer`). Grows by doubling up to the channel's
// capacity, so `chan(1_000_000)` costs nothing until it fills.

export class Ring {
  private vals: unknown[];
  private seqs: number[];
  private gs: number[];
  private head = 0;
  private mask: number;
  length = 0;
  /** Send-event seq and sender of the value the last shift() returned. */
  lastSeq = -1;
  lastG = -1;

  constructor(capacity: number) {
    // Never `1 << n` here: past 2^30 it wraps negative (chan(2 ** 30 + 1) threw a RangeError).
    const size = capacity <= 8 ? 8 : capacity >= 64 ? 64 : 2 ** Math.ceil(Math.log2(capacity));
    this.vals = new Array<unknown>(size).fill(undefined);
    this.seqs = new Array<number>(size).fill(-1);
    this.gs = new Array<number>(size).fill(-1);
    this.mask = size - 1;
  }

  push(v: unknown, seq: number, g: number): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.vals[i] = v;
    this.seqs[i] = seq;
    this.gs[i] = g;
    this.length++;
  }

  /** Removes and returns the oldest value; its send seq and sender land in lastSeq / lastG. */
  shift(): unknown {
    const i = this.head;
    const v = this.vals[i];
    this.vals[i] = undefined; // let the value be collected
    this.lastSeq = this.seqs[i]!;
    this.lastG = this.gs[i]!;
    this.head = (i + 1) & this.mask;
    this.length--;
    return v;
  }

  private grow(): void {
    const n = this.mask + 1;
    const vals = new Array<unknown>(n * 2).fill(undefined);
    const seqs = new Array<number>(n * 2).fill(-1);
    const gs = new Array<number>(n * 2).fill(-1);
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) & this.mask;
      vals[k] = this.vals[i];
      seqs[k] = this.seqs[i]!;
      gs[k] = this.gs[i]!;
    }
    this.vals = vals;
    this.seqs = seqs;
    this.gs = gs;
    this.head = 0;
    this.mask = n * 2 - 1;
  }
}
