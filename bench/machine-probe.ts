// Which state the machine is in, read in about a millisecond between benchmark
// runs. On this VM the speed of code that allocates a lot (every await does)
// moves between two levels for seconds at a time, while register-only
// arithmetic keeps its speed (bench/README.md, "the machine's two states"). So
// the probe times both: a loop that allocates small short-lived objects, the
// way V8's await machinery does, and a loop of integer arithmetic. A slow
// allocation reading beside a steady arithmetic one is the memory state, not
// a slower clock.

import { median } from "./stats";

/** ns per iteration of each loop. */
export interface ProbeReading {
  readonly allocNs: number;
  readonly computeNs: number;
}

// Each loop runs ROUNDS times and the median counts: a round the scavenger
// interrupts (about a millisecond) is an outlier, not the machine's state.
const ROUNDS = 5;
const ALLOCS = 12_000;
const STEPS = 60_000;
// Written after each loop so the optimizer cannot drop the work.
const sink: { value: unknown } = { value: undefined };

interface Cell {
  readonly x: number;
  readonly odd: boolean;
  readonly pair: readonly number[];
}

function allocLoop(n: number): number {
  const t0 = process.hrtime.bigint();
  let last: Cell | undefined;
  // Each object is garbage by the next iteration: the young generation's
  // allocate-and-die pattern, not a growing structure the scavenger must copy.
  for (let i = 0; i < n; i++) last = { x: i, odd: last !== undefined && last.x % 2 === 1, pair: [i, i] };
  sink.value = last;
  return Number(process.hrtime.bigint() - t0) / n;
}

function computeLoop(n: number): number {
  const t0 = process.hrtime.bigint();
  let x = 1;
  for (let i = 0; i < n; i++) x = (Math.imul(x ^ (x >>> 13), 0x5bd1e995) + i) | 0;
  sink.value = x;
  return Number(process.hrtime.bigint() - t0) / n;
}

export function probeMachine(): ProbeReading {
  const alloc: number[] = [];
  const compute: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    alloc.push(allocLoop(ALLOCS));
    compute.push(computeLoop(STEPS));
  }
  return { allocNs: median(alloc), computeNs: median(compute) };
}
