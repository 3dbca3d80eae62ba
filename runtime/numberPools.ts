// Growable Int32 / Float64 pools (doubling) for the in-memory recorder's side
// data: checkpoints, the time log, doubles, case lists. The rows themselves
// live in fixed-size chunks (chunkPool.ts).

export class Int32Pool {
  data = new Int32Array(64);
  length = 0;
  reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    const next = new Int32Array(Math.max(this.data.length * 2, this.length + n));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(x: number): number {
    this.reserve(1);
    this.data[this.length] = x;
    return this.length++;
  }
}

export class Float64Pool {
  data = new Float64Array(64);
  length = 0;
  push(x: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = x;
    return this.length++;
  }
}
