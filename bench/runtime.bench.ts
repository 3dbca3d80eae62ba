// Runtime benchmark: chanscope's runtime (tracing off and on) against js-csp and
// ts-chan on the same four workloads, measured side by side: each workload in a
// process of its own, where all four implementations take turns.
//
//   npx tsx bench/runtime.bench.ts            a table
//   npx tsx bench/runtime.bench.ts --json     the same numbers as JSON
//   node --expose-gc --import tsx bench/runtime.bench.ts
//                                             adds a heap-measured bytes/event figure
//
// An "operation" is one value delivered from a sender to a receiver (one
// send/receive pair; for the select workload, one select that received). Each
// workload runs in PROCS fresh processes (like JMH's forks): a process settles
// in a fast or a slow state for promise-heavy code and stays there for seconds
// (bench/README.md), so one process's figures depend on its luck. In each
// process, WARMUP discarded repetitions, then REPS measured ones; within a
// repetition every implementation runs the workload once, in turn, so drift
// hits them alike. Each cell is the median over all processes' repetitions.
// A second table gives the minimum process CPU time (user + system) per cell:
// on a shared machine other processes inflate wall time, and the minimum is
// the figure least disturbed by them. Ratios (peer / trace off) are the median of
// each repetition's own ratio; the targets use them and the wall medians.
// Before every run a one-millisecond probe (machine-probe.ts) reads the
// machine's memory state; a last table splits the repetitions at the median
// probe, so a reader can see how much of a figure is the machine's state.

import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { run } from "../runtime/index";
import { chanscopeWorkload } from "./chanscope-workloads";
import { probeMachine } from "./machine-probe";
import { WORKLOADS, jsCsp, tsChan, type Workload } from "./peers";
import { median, pairedMedian } from "./stats";

const N = Number(process.env.BENCH_OPS ?? 200_000);
const REPS = Number(process.env.BENCH_REPS ?? 9);
// Six: V8 was still optimizing the runtime's hot paths during the fourth run
// of a workload (--trace-opt), and every implementation gets the same warm-up.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 6);
const PROCS = Number(process.env.BENCH_PROCS ?? 5);
const CHILD_FLAG = "--measure-workload";
const RELEASE = process.env.BENCH_RELEASE !== "0";
const JSON_OUT = process.argv.includes("--json");

type Impl = "chanscope (trace off)" | "chanscope (trace on)" | "js-csp" | "ts-chan";
const ALL_IMPLS: readonly Impl[] = ["chanscope (trace off)", "chanscope (trace on)", "js-csp", "ts-chan"];
// BENCH_ONLY=chanscope (or js-csp, ts-chan): run a subset, e.g. to see how the others' heaps affect a measurement.
const IMPLS: readonly Impl[] = ALL_IMPLS.filter((i) => process.env.BENCH_ONLY === undefined || i.startsWith(process.env.BENCH_ONLY));

// ---- chanscope ----------------------------------------------------------------

async function chanscope(w: Workload, n: number, trace: boolean): Promise<number> {
  const t0 = process.hrtime.bigint();
  const r = await run(() => chanscopeWorkload(w, n), { trace, maxEvents: 1e9, wallTimeBudgetMs: 600_000 });
  const dt = Number(process.hrtime.bigint() - t0);
  if (r.status !== "ok") throw new Error(`chanscope ${w}: ${r.status} ${r.message}`);
  // Done with the trace: its memory goes to the next traced run, as in any
  // process that runs program after program. BENCH_RELEASE=0 keeps every trace
  // until the GC finds it, so each traced run writes fresh memory (page faults).
  if (RELEASE) r.release();
  return dt;
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

async function measure(impl: Impl, w: Workload, n: number): Promise<Sample> {
  const c0 = process.cpuUsage();
  const wall = await measureWall(impl, w, n);
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) * 1000 };
}

function measureWall(impl: Impl, w: Workload, n: number): Promise<number> {
  switch (impl) {
    case "chanscope (trace off)":
      return chanscope(w, n, false);
    case "chanscope (trace on)":
      return chanscope(w, n, true);
    case "js-csp":
      return jsCsp(w, n);
    case "ts-chan":
      return tsChan(w, n);
  }
}

// ---- memory ---------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;

interface Memory {
  readonly events: number;
  /** The recorder's own accounting of its columns and side tables. */
  readonly recorderBytesPerEvent: number;
  /** Heap + array-buffer growth kept alive by the result, after GC (needs --expose-gc). */
  readonly heapBytesPerEvent: number | undefined;
}

async function recorderMemory(): Promise<Memory> {
  // Array buffers are freed after their collection, on a later tick: collect, let the host free them, collect again.
  const settle = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((res) => setTimeout(res, 20));
    }
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = await settle();
  const r = await run(() => chanscopeWorkload("fan-in 8 -> 1", N), { trace: true, maxEvents: 1e9, wallTimeBudgetMs: 600_000 });
  const after = await settle();
  const events = r.eventCount;
  return {
    events,
    recorderBytesPerEvent: r.recorder!.byteSize() / events,
    heapBytesPerEvent: gc === undefined ? undefined : (after - before) / events,
  };
}

// ---- main -------------------------------------------------------------------------------------

/** One half of a workload's repetitions, split by the machine probe. */
interface StateHalf {
  readonly repetitions: number;
  readonly probeAllocNs: number;
  readonly probeComputeNs: number;
  readonly traceOffNsPerOp: number;
  readonly jsCspOverOff: number;
}

/** Per implementation, the wall and CPU ns/op of each measured repetition; and per repetition, the machine probe. */
interface WorkloadSamples {
  readonly impls: Record<Impl, { wall: number[]; cpu: number[] }>;
  /** Median over the probes taken before each implementation's run in a repetition (machine-probe.ts). */
  readonly probe: { allocNs: number[]; computeNs: number[] };
}

/**
 * Measures one workload (in a child process of its own): every implementation
 * warmed up, then REPS repetitions in which each runs once, in turn.
 */
async function measureWorkload(w: Workload): Promise<WorkloadSamples> {
  const out: WorkloadSamples = {
    impls: Object.fromEntries(IMPLS.map((i) => [i, { wall: [], cpu: [] }])) as unknown as WorkloadSamples["impls"],
    probe: { allocNs: [], computeNs: [] },
  };
  // Warm-up, discarded: V8 settles a hot path only after it has seen every
  // shape it meets (a few hundred thousand operations for the runtime's).
  for (let k = 0; k < WARMUP; k++) for (const impl of IMPLS) await measure(impl, w, N);
  for (let rep = 0; rep < REPS; rep++) {
    // Each repetition starts with the next implementation: whoever runs right
    // after another leaves garbage (old-generation GC work, cold caches) pays
    // for it, and the rotation spreads that over all of them.
    const probes = [];
    for (let k = 0; k < IMPLS.length; k++) {
      const impl = IMPLS[(k + rep) % IMPLS.length]!;
      probes.push(probeMachine());
      const { wall, cpu } = await measure(impl, w, N);
      out.impls[impl].wall.push(wall / N);
      out.impls[impl].cpu.push(cpu / N);
    }
    out.probe.allocNs.push(median(probes.map((p) => p.allocNs)));
    out.probe.computeNs.push(median(probes.map((p) => p.computeNs)));
  }
  return out;
}

/**
 * Runs each workload in a fresh process: JIT feedback from one workload (say a
 * one-channel loop) would otherwise shape the code the next one runs, and the
 * order of the workloads would decide the figures.
 */
function measureInChild(w: Workload): WorkloadSamples {
  const script = fileURLToPath(import.meta.url);
  const text = execFileSync(process.execPath, [...process.execArgv, script, CHILD_FLAG, w], {
    encoding: "utf8",
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 << 20,
  });
  return JSON.parse(text) as WorkloadSamples;
}

async function main(): Promise<void> {
  // Memory first, in a heap the timing runs have not filled with garbage.
  const mem = await recorderMemory();
  const samples = new Map<string, number[]>();
  const cpuSamples = new Map<string, number[]>();
  const key = (i: Impl, w: Workload): string => `${i}|${w}`;
  /** Per workload, each process's own median peer / trace-off ratio (the spread between processes). */
  const perProcess = new Map<Workload, { jsCspOverOff: number[]; tsChanOverOff: number[]; traceOnOverOff: number[] }>();
  /** Per workload, the machine probe of each repetition, pooled in the same order as the samples. */
  const probes = new Map<Workload, { allocNs: number[]; computeNs: number[] }>();
  for (const w of WORKLOADS) {
    const probe = { allocNs: [] as number[], computeNs: [] as number[] };
    probes.set(w, probe);
    const spread = { jsCspOverOff: [] as number[], tsChanOverOff: [] as number[], traceOnOverOff: [] as number[] };
    perProcess.set(w, spread);
    for (let p = 0; p < PROCS; p++) {
      const { impls: got, probe: gotProbe } = measureInChild(w);
      // Concatenated in the same order for every implementation, so repetition k still pairs across them.
      for (const impl of IMPLS) {
        samples.set(key(impl, w), [...(samples.get(key(impl, w)) ?? []), ...got[impl].wall]);
        cpuSamples.set(key(impl, w), [...(cpuSamples.get(key(impl, w)) ?? []), ...got[impl].cpu]);
      }
      probe.allocNs.push(...gotProbe.allocNs);
      probe.computeNs.push(...gotProbe.computeNs);
      const off = got["chanscope (trace off)"]?.wall;
      const ratio = (i: Impl): number => {
        const xs = got[i]?.wall;
        return off === undefined || xs === undefined ? Number.NaN : pairedMedian(xs, off);
      };
      spread.jsCspOverOff.push(ratio("js-csp"));
      spread.tsChanOverOff.push(ratio("ts-chan"));
      spread.traceOnOverOff.push(ratio("chanscope (trace on)"));
    }
  }
  const nsPerOp = (i: Impl, w: Workload): number => median(samples.get(key(i, w)) ?? [Number.NaN]);
  const cpuNsPerOp = (i: Impl, w: Workload): number => Math.min(...(cpuSamples.get(key(i, w)) ?? [Number.NaN]));
  const pairedRatio = (i: Impl, w: Workload): number =>
    pairedMedian(samples.get(key(i, w)) ?? [], samples.get(key("chanscope (trace off)", w)) ?? []);
  /**
   * The repetitions split in two at the median of their allocation probe:
   * those the machine ran in its faster memory state and those in its slower
   * one, with each half's probe readings and js-csp / trace-off ratio.
   */
  const byMachineState = (w: Workload): { readonly fast: StateHalf; readonly slow: StateHalf } | undefined => {
    const off = samples.get(key("chanscope (trace off)", w));
    const csp = samples.get(key("js-csp", w));
    const probe = probes.get(w)!;
    if (off === undefined || csp === undefined || probe.allocNs.length < 2) return undefined;
    const order = probe.allocNs.map((_, k) => k).sort((a, b) => probe.allocNs[a]! - probe.allocNs[b]!);
    const half = (ks: readonly number[]): StateHalf => ({
      repetitions: ks.length,
      probeAllocNs: median(ks.map((k) => probe.allocNs[k]!)),
      probeComputeNs: median(ks.map((k) => probe.computeNs[k]!)),
      traceOffNsPerOp: median(ks.map((k) => off[k]!)),
      jsCspOverOff: pairedMedian(
        ks.map((k) => csp[k]!),
        ks.map((k) => off[k]!),
      ),
    });
    const cut = order.length >> 1;
    return { fast: half(order.slice(0, cut)), slow: half(order.slice(cut)) };
  };

  const rows = WORKLOADS.map((w) => {
    const off = nsPerOp("chanscope (trace off)", w);
    const on = nsPerOp("chanscope (trace on)", w);
    const cspNs = nsPerOp("js-csp", w);
    const ts = nsPerOp("ts-chan", w);
    const cpu = {
      traceOff: cpuNsPerOp("chanscope (trace off)", w),
      traceOn: cpuNsPerOp("chanscope (trace on)", w),
      jsCsp: cpuNsPerOp("js-csp", w),
      tsChan: cpuNsPerOp("ts-chan", w),
    };
    return {
      workload: w,
      nsPerOp: { traceOff: off, traceOn: on, jsCsp: cspNs, tsChan: ts },
      ratios: {
        traceOnOverOff: pairedRatio("chanscope (trace on)", w),
        jsCspOverOff: pairedRatio("js-csp", w),
        tsChanOverOff: pairedRatio("ts-chan", w),
      },
      cpuNsPerOpMin: cpu,
      cpuRatios: {
        traceOnOverOff: cpu.traceOn / cpu.traceOff,
        jsCspOverOff: cpu.jsCsp / cpu.traceOff,
        tsChanOverOff: cpu.tsChan / cpu.traceOff,
      },
      perProcessRatios: perProcess.get(w)!,
      byMachineState: byMachineState(w),
    };
  });
  const pingPong = rows[0]!.nsPerOp.traceOff;
  const targets = {
    "unbuffered handoff <= 500 ns/op (trace off)": pingPong <= 500,
    ">= 8x faster than js-csp on every workload": rows.every((r) => r.ratios.jsCspOverOff >= 8),
    ">= 8x faster than ts-chan on every workload": rows.every((r) => r.ratios.tsChanOverOff >= 8),
    "trace on <= 1.6x trace off": rows.every((r) => r.ratios.traceOnOverOff <= 1.6),
    "recorder <= 64 bytes/event on fan-in": mem.recorderBytesPerEvent <= 64 && (mem.heapBytesPerEvent ?? 0) <= 64,
  };

  if (JSON_OUT) {
    console.log(
      JSON.stringify(
        { ops: N, warmup: WARMUP, reps: REPS, processes: PROCS, node: process.version, loadAverage: loadavg(), rows, memory: mem, targets },
        null,
        2,
      ),
    );
    return;
  }
  const f = (x: number): string => x.toFixed(0).padStart(8);
  const r = (x: number): string => `${x.toFixed(2)}x`.padStart(8);
  console.log(
    `chanscope runtime benchmark — ${N} ops per run; ${PROCS} processes per workload, each ${WARMUP} warm-up and ${REPS} measured repetitions; node ${process.version}`,
  );
  const header = `${"workload".padEnd(32)}${"off".padStart(8)}${"on".padStart(8)}${"js-csp".padStart(8)}${"ts-chan".padStart(8)}  ${"on/off".padStart(8)}${"csp/off".padStart(8)}${"ts/off".padStart(8)}`;
  console.log(
    "\nwall ns per operation, median over all processes' repetitions (lower is better); ratios are peer / chanscope trace off, median of each repetition's ratio\n",
  );
  console.log(header);
  for (const row of rows) {
    const n = row.nsPerOp;
    const q = row.ratios;
    console.log(
      `${row.workload.padEnd(32)}${f(n.traceOff)}${f(n.traceOn)}${f(n.jsCsp)}${f(n.tsChan)}  ${r(q.traceOnOverOff)}${r(q.jsCspOverOff)}${r(q.tsChanOverOff)}`,
    );
  }
  console.log("\nprocess CPU ns per operation, minimum (least disturbed by other processes)\n");
  console.log(header);
  for (const row of rows) {
    const n = row.cpuNsPerOpMin;
    const q = row.cpuRatios;
    console.log(
      `${row.workload.padEnd(32)}${f(n.traceOff)}${f(n.traceOn)}${f(n.jsCsp)}${f(n.tsChan)}  ${r(q.traceOnOverOff)}${r(q.jsCspOverOff)}${r(q.tsChanOverOff)}`,
    );
  }
  if (PROCS > 1) {
    console.log("\nthe same ratios, each process's own median (spread between processes)\n");
    const width = 2 + 6 * PROCS;
    console.log(`${"workload".padEnd(32)}${"on/off".padStart(width)}${"csp/off".padStart(width)}${"ts/off".padStart(width)}`);
    const list = (xs: readonly number[]): string =>
      xs
        .map((x) => x.toFixed(2).padStart(5))
        .join(" ")
        .padStart(width);
    for (const row of rows) {
      const q = row.perProcessRatios;
      console.log(`${row.workload.padEnd(32)}${list(q.traceOnOverOff)}${list(q.jsCspOverOff)}${list(q.tsChanOverOff)}`);
    }
  }
  console.log(
    "\nby machine state: each repetition's probe (bench/machine-probe.ts: ns per small allocation, per arithmetic step) taken\n" +
      "before every run; the repetitions split at the median allocation probe into a faster and a slower half\n",
  );
  console.log(
    `${"workload".padEnd(32)}${"alloc ns fast/slow".padStart(20)}${"compute ns".padStart(12)}${"off ns fast/slow".padStart(18)}${"csp/off fast/slow".padStart(19)}`,
  );
  for (const row of rows) {
    const h = row.byMachineState;
    if (h === undefined) continue;
    const pair = (a: string, b: string, width: number): string => `${a} / ${b}`.padStart(width);
    console.log(
      `${row.workload.padEnd(32)}${pair(h.fast.probeAllocNs.toFixed(1), h.slow.probeAllocNs.toFixed(1), 20)}` +
        `${pair(h.fast.probeComputeNs.toFixed(2), h.slow.probeComputeNs.toFixed(2), 12)}` +
        `${pair(h.fast.traceOffNsPerOp.toFixed(0), h.slow.traceOffNsPerOp.toFixed(0), 18)}` +
        `${pair(`${h.fast.jsCspOverOff.toFixed(2)}x`, `${h.slow.jsCspOverOff.toFixed(2)}x`, 19)}`,
    );
  }
  console.log(
    `\nrecorder on fan-in: ${mem.events} events, ${mem.recorderBytesPerEvent.toFixed(1)} bytes/event (recorder accounting)` +
      (mem.heapBytesPerEvent === undefined
        ? "; run with node --expose-gc --import tsx for a heap measurement"
        : `, ${mem.heapBytesPerEvent.toFixed(1)} bytes/event (heap + array buffers after GC)`),
  );
  console.log(
    `\nload average during the run: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} (2 cores; other processes inflate wall times)`,
  );
  console.log("\ntargets (wall medians):");
  for (const [name, ok] of Object.entries(targets)) console.log(`  ${ok ? "met   " : "MISSED"}  ${name}`);
}

const childAt = process.argv.indexOf(CHILD_FLAG);
if (childAt >= 0) {
  const w = process.argv[childAt + 1] as Workload;
  if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}`);
  process.stdout.write(JSON.stringify(await measureWorkload(w)));
} else {
  await main();
}
