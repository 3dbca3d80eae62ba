// The runtime of this checkout beside another checkout's, in one process, on
// the runtime bench's four workloads and on what those leave out (a select
// with a default, a contended Mutex, a WaitGroup): wall ns/op medians and the
// paired ratio this / base per workload. For "no workload slower" claims
// about a change to the runtime.
//
//   git worktree add /tmp/base <rev> && ln -s $PWD/node_modules /tmp/base/
//   npx tsx bench/runtime-compare.ts --base /tmp/base [--json]
//
// BENCH_OPS (200,000), BENCH_REPS (9) and BENCH_WARMUP (3) as in the runtime bench;
// BENCH_TRACE=1 records the trace (the in-memory recorder) as the app does.

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as here from "../runtime/index";
import { chanscopeWorkload } from "./chanscope-workloads";
import { WORKLOADS, type Workload } from "./peers";
import { median, pairedMedian } from "./stats";

type Runtime = typeof here;

const EXTRA = ["select with default", "contended Mutex", "WaitGroup fan-out"] as const;
type Name = Workload | (typeof EXTRA)[number];

/** Workloads that use the runtime beyond the four (both checkouts must have these APIs). */
async function extraWorkload(rt: Runtime, w: (typeof EXTRA)[number], n: number): Promise<void> {
  switch (w) {
    case "select with default": {
      // A consumer that polls a buffered channel, as select-default loops do; the producer keeps it fed.
      const c = rt.chan<number>(16);
      rt.go(async () => {
        for (let i = 0; i < n; i++) await c.send(i);
      });
      for (let got = 0; got < n;) {
        if (
          await rt.select(
            rt.recv(c, () => true),
            rt.otherwise(() => false),
          )
        )
          got++;
        else await rt.gosched();
      }
      return;
    }
    case "contended Mutex": {
      const mu = new rt.Mutex();
      const wg = new rt.WaitGroup();
      let counter = 0;
      for (let p = 0; p < 4; p++) {
        wg.add(1);
        rt.go(async () => {
          for (let i = 0; i < n / 4; i++) {
            await mu.lock();
            counter++;
            if (i % 8 === 0) await rt.gosched();
            mu.unlock();
          }
          wg.done();
        });
      }
      await wg.wait();
      if (counter !== n) throw new Error(`lost updates: ${counter} of ${n}`);
      return;
    }
    case "WaitGroup fan-out": {
      // n/8 rounds of 8 goroutines joined by a WaitGroup: spawn, exit and wake costs.
      for (let r = 0; r < n / 8; r++) {
        const wg = new rt.WaitGroup();
        for (let k = 0; k < 8; k++) {
          wg.add(1);
          rt.go(() => wg.done());
        }
        await wg.wait();
      }
      return;
    }
  }
}

async function once(rt: Runtime, w: Name, n: number): Promise<number> {
  const main = (WORKLOADS as readonly string[]).includes(w)
    ? () => chanscopeWorkload(w as Workload, n, rt)
    : () => extraWorkload(rt, w as (typeof EXTRA)[number], n);
  const t0 = process.hrtime.bigint();
  const r = await rt.run(main, { trace: TRACE, maxEvents: 1e9, wallTimeBudgetMs: 600_000 });
  r.release();
  const ns = Number(process.hrtime.bigint() - t0);
  if (r.status !== "ok") throw new Error(`${w}: ${r.status} ${r.message}`);
  return ns / n;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const baseDir = arg("--base");
if (baseDir === undefined || !existsSync(join(baseDir, "runtime/index.ts"))) {
  console.error("runtime-compare: --base DIR must name a checkout with runtime/index.ts");
  process.exit(1);
}
const base = (await import(pathToFileURL(resolve(baseDir, "runtime/index.ts")).href)) as Runtime;
const N = Number(process.env["BENCH_OPS"] ?? 200_000);
const REPS = Number(process.env["BENCH_REPS"] ?? 9);
const WARMUP = Number(process.env["BENCH_WARMUP"] ?? 3);
const TRACE = process.env["BENCH_TRACE"] === "1";

const rows: { workload: Name; baseNsPerOp: number; thisNsPerOp: number; ratio: number }[] = [];
for (const w of [...WORKLOADS, ...EXTRA] as const) {
  const mine: number[] = [];
  const theirs: number[] = [];
  for (let k = 0; k < WARMUP + REPS; k++) {
    // Alternate which goes first, so drift and the other's garbage hit both alike.
    const hereFirst = k % 2 === 0;
    const first = await once(hereFirst ? here : base, w, N);
    const second = await once(hereFirst ? base : here, w, N);
    if (k < WARMUP) continue;
    mine.push(hereFirst ? first : second);
    theirs.push(hereFirst ? second : first);
  }
  rows.push({ workload: w, baseNsPerOp: median(theirs), thisNsPerOp: median(mine), ratio: pairedMedian(mine, theirs) });
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ base: resolve(baseDir), ops: N, reps: REPS, trace: TRACE, rows }, null, 2));
} else {
  console.log(
    `this checkout beside ${resolve(baseDir)}: ${N} ops, median of ${REPS} paired repetitions, tracing ${TRACE ? "on" : "off"}\n`,
  );
  console.log("workload                          base ns/op   this ns/op   this/base");
  for (const r of rows) {
    console.log(
      `${r.workload.padEnd(32)}  ${r.baseNsPerOp.toFixed(0).padStart(10)}   ${r.thisNsPerOp.toFixed(0).padStart(10)}   ${r.ratio.toFixed(3).padStart(9)}`,
    );
  }
}
