// How close the runtime is to the floor of its own design, on the select
// workload: a minimal model of "select over 4 channels" next to the runtime
// and js-csp, taking turns in one process.
//
//   npx tsx bench/select-floor.ts
//
// The model keeps what any runtime that runs goroutines as async functions
// must do: one goroutine at a time, a FIFO run queue, one promise per park,
// one await per operation, the same switches in the same order (four
// producers parked on unbuffered channels, one consumer taking from a
// randomly chosen ready one, or parking when none is). It leaves out case
// objects, wait queues, preemption, host turns and trace hooks. What it
// measures is V8's promise and await machinery, which the runtime cannot go
// below; the difference is the runtime's own work. js-csp / floor is the most
// any runtime built on async functions could be ahead of js-csp on this
// machine at the time of the run, which is what the ">= 8x js-csp" target of
// runtime.bench.ts is up against.

import { run } from "../runtime/index";
import { chanscopeWorkload } from "./chanscope-workloads";
import { jsCsp } from "./peers";
import { median, pairedMedian } from "./stats";

const N = Number(process.env.BENCH_OPS ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 15);
const WARMUP = 5;
const RESOLVED: Promise<void> = Promise.resolve();

function floorModel(n: number): Promise<void> {
  const runq: ((v?: unknown) => void)[] = [];
  let head = 0;
  const parked: (((v?: unknown) => void) | undefined)[] = [undefined, undefined, undefined, undefined];
  let consumerParked: ((v?: unknown) => void) | undefined;
  let seed = 1;
  const below = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    return ((seed >>> 16) & 0x7fff) % k;
  };
  const schedule = (): void => {
    if (head >= runq.length) return;
    const next = runq[head]!;
    head++;
    if (head > 4096) {
      runq.splice(0, head);
      head = 0;
    }
    next();
  };
  let finish: () => void = () => {};
  const finished = new Promise<void>((res) => (finish = res));
  const producer = async (c: number): Promise<void> => {
    for (let i = 0; i < n / 4; i++) {
      if (consumerParked !== undefined) {
        runq.push(consumerParked);
        consumerParked = undefined;
        await RESOLVED;
        continue;
      }
      const p = new Promise((res) => (parked[c] = res));
      schedule();
      await p;
    }
    schedule();
  };
  const consumer = async (): Promise<void> => {
    const ready = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let c = 0; c < 4; c++) if (parked[c] !== undefined) ready[k++] = c;
      if (k > 0) {
        const c = ready[k === 1 ? 0 : below(k)]!;
        runq.push(parked[c]!);
        parked[c] = undefined;
        await RESOLVED;
        continue;
      }
      const p = new Promise((res) => (consumerParked = res));
      schedule();
      await p;
    }
    finish();
  };
  runq.push(() => void consumer());
  for (let c = 0; c < 4; c++) runq.push(() => void producer(c));
  schedule();
  return finished;
}

async function runtimeSelect(n: number): Promise<void> {
  const r = await run(() => chanscopeWorkload("select over 4 channels", n), { trace: false, maxEvents: 1e9, wallTimeBudgetMs: 600_000 });
  if (r.status !== "ok") throw new Error(`runtime select: ${r.status} ${r.message}`);
}

async function time(f: (n: number) => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f(N);
  return Number(process.hrtime.bigint() - t0) / N;
}

const contenders = {
  floor: (): Promise<number> => time(floorModel),
  runtime: (): Promise<number> => time(runtimeSelect),
  jsCsp: async (): Promise<number> => (await jsCsp("select over 4 channels", N)) / N,
};
type Contender = keyof typeof contenders;
const order: readonly Contender[] = ["floor", "runtime", "jsCsp"];
const times: Record<Contender, number[]> = { floor: [], runtime: [], jsCsp: [] };
for (let rep = 0; rep < WARMUP + REPS; rep++) {
  // Each repetition starts with the next contender, so drift and the previous run's garbage hit them alike.
  for (let k = 0; k < order.length; k++) {
    const c = order[(k + rep) % order.length]!;
    const t = await contenders[c]();
    if (rep >= WARMUP) times[c].push(t);
  }
}
const result = {
  ops: N,
  reps: REPS,
  floorNsPerOp: median(times.floor),
  runtimeNsPerOp: median(times.runtime),
  jsCspNsPerOp: median(times.jsCsp),
  runtimeOverFloor: pairedMedian(times.runtime, times.floor),
  jsCspOverFloor: pairedMedian(times.jsCsp, times.floor),
  jsCspOverRuntime: pairedMedian(times.jsCsp, times.runtime),
};
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(result));
} else {
  const ns = (x: number): string => x.toFixed(0).padStart(6);
  const x = (r: number): string => `${r.toFixed(2)}x`.padStart(7);
  console.log(`select over 4 channels, ${N} ops, medians of ${REPS} repetitions taking turns (wall ns/op; ratios paired per repetition)`);
  console.log(`  floor model (promises and awaits only)  ${ns(result.floorNsPerOp)}`);
  console.log(`  runtime, tracing off                    ${ns(result.runtimeNsPerOp)}   runtime / floor  ${x(result.runtimeOverFloor)}`);
  console.log(
    `  js-csp                                  ${ns(result.jsCspNsPerOp)}   js-csp / runtime ${x(result.jsCspOverRuntime)}   js-csp / floor ${x(result.jsCspOverFloor)}`,
  );
}
