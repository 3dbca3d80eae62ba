// Append-only typed arrays that double their capacity (for the few big
// per-trace tables; per-goroutine and per-channel lists are plain arrays). A
// view handed to a snapshot stays valid: later appends either write past the
// view's end or into a new buffer. Also the binary searches the model uses.

type NumericArray = Float64Array | Int32Array | Int16Array | Uint8Array;

export class Growable<A extends NumericArray> {
  array: A;
  length = 0;

  constructor(
    private readonly make: (capacity: number) => A,
    capacity = 16,
  ) {
    this.array = make(capacity);
  }

  push(v: number): void {
    if (this.length === this.array.length) this.grow(this.length + 1);
    this.array[this.length++] = v;
  }

  /** Reserve room for n more items; callers then write `array[length++]` directly. */
  reserve(n: number): void {
    if (this.length + n > this.array.length) this.grow(this.length + n);
  }

  get(i: number): number {
    return this.array[i] as number;
  }

  set(i: number, v: number): void {
    this.array[i] = v;
  }

  last(): number {
    return this.array[this.length - 1] as number;
  }

  /** The items so far, sharing the buffer (no copy). */
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }

  private grow(min: number): void {
    let cap = this.array.length * 2;
    while (cap < min) cap *= 2;
    const next = this.make(cap);
    next.set(this.array);
    this.array = next;
  }
}

export const growableInt32 = (capacity?: number): Growable<Int32Array> => new Growable((n) => new Int32Array(n), capacity);
export const growableUint8 = (capacity?: number): Growable<Uint8Array> => new Growable((n) => new Uint8Array(n), capacity);

/** Index of the first item > x in a sorted array (items [0, n) ). */
export function upperBound(a: { readonly [i: number]: number }, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item >= x in a sorted array (items [0, n) ). */
export function lowerBound(a: { readonly [i: number]: number }, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
