// Trace model benchmark: build a model of a synthetic 1,000,000-event run and
// query stateAt at random moments. Parsing a file is not the model's cost, but
// the model is fed the way a streaming reader feeds it: JSON lines parsed one
// at a time, each object dropped after `add`. The parse alone is timed side by
// side and subtracted.
//
//   node --expose-gc --import tsx bench/model.bench.ts [--json] [--events N]

import os from "node:os";
import { TraceModelBuilder, replayStateAt, type TraceModel } from "../traces/model";
import { BENCH_SHAPE, syntheticEvents, type SyntheticOptions } from "../traces/testing/syntheticTrace";
import { Prng } from "../traces/prng";
import { eventIndex, type EventIndex, type TraceEvent } from "../traces/events";

const args = process.argv.slice(2);
const json = args.includes("--json");
const eventsArg = args.indexOf("--events");
const EVENTS = eventsArg >= 0 ? Number(args[eventsArg + 1]) : 1_000_000;

// Many goroutines and channels (a context per request churns through them), buffered and
// unbuffered channels, blocking and non-blocking selects, sleeps, mutexes, WaitGroups.
const options: SyntheticOptions = {
  seed: 1,
  events: EVENTS,
  ...BENCH_SHAPE,
};

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = (collect = true): number => {
  if (collect && gc !== undefined) for (let k = 0; k < 3; k++) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const ms = (t0: number): number => performance.now() - t0;
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const log = (...a: unknown[]): void => {
  if (!json) console.log(...a);
};

const loadAverage = (): number => os.loadavg()[0] ?? 0;
log(
  `trace model bench: ${EVENTS.toLocaleString("en")} synthetic events${gc === undefined ? " (run with node --expose-gc for heap figures)" : ""}`,
);

// The input, as a file reader sees it: one block of JSON lines, cut and parsed one line at a time.
const text = Array.from(syntheticEvents(options), (e) => JSON.stringify(e)).join("\n");
function forEachEvent(f: (e: TraceEvent) => void): void {
  for (let p = 0; p < text.length;) {
    let q = text.indexOf("\n", p);
    if (q < 0) q = text.length;
    f(JSON.parse(text.slice(p, q)) as TraceEvent);
    p = q + 1;
  }
}
const cpuMs = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

// 1. Parsing alone.
let parsed = 0;
let c0 = process.cpuUsage();
let t0 = performance.now();
forEachEvent(() => parsed++);
const parseMs = ms(t0);
const parseCpuMs = cpuMs(c0);

// 2. Parsing and building, streamed; the heap is sampled while it grows, and a
// live view's snapshot taken every 100,000 events (ten times in all on a smaller run).
const SNAPSHOT_EVERY = Math.max(1, Math.min(100_000, Math.floor(EVENTS / 10)));
const baseHeap = heapMB();
let peakHeap = 0;
const snapshotMs: number[] = [];
let snapshotCpuMs = 0;
let builder: TraceModelBuilder | undefined = new TraceModelBuilder();
c0 = process.cpuUsage();
t0 = performance.now();
forEachEvent((e) => {
  const b = builder as TraceModelBuilder;
  b.add(e);
  if (b.length % SNAPSHOT_EVERY === 0) {
    peakHeap = Math.max(peakHeap, heapMB(false) - baseHeap);
    const s0 = performance.now();
    const sc = process.cpuUsage();
    b.snapshot(); // what a live view does after each batch
    snapshotCpuMs += cpuMs(sc);
    snapshotMs.push(ms(s0));
  }
});
const model: TraceModel = builder.finish();
builder = undefined; // the model keeps what it needs
const snapshotsTotal = snapshotMs.reduce((a, b) => a + b, 0);
const streamMs = ms(t0) - snapshotsTotal;
const streamCpuMs = cpuMs(c0) - snapshotCpuMs;
const modelHeap = heapMB() - baseHeap;

// 3. stateAt at random moments.
const random = new Prng(7);
const indices = Array.from({ length: 1000 }, () => eventIndex(random.below(model.length)));
const timeEach = (xs: readonly EventIndex[], f: (i: EventIndex) => void): number[] =>
  xs.map((i) => {
    const s0 = performance.now();
    f(i);
    return ms(s0);
  });
// CPU time of this thread's process per call too: on a shared machine the wall clock also counts other processes.
const cpuEach = (xs: readonly EventIndex[], f: (i: EventIndex) => void): number[] =>
  xs.map((i) => {
    const c = process.cpuUsage();
    f(i);
    return cpuMs(c);
  });
const stateCpuMs = cpuEach(indices, (i) => model.stateAt(i));
const stateMs = timeEach(indices, (i) => model.stateAt(i));
const fullMs = timeEach(indices.slice(0, 200), (i) => {
  const s = model.stateAt(i);
  void s.goroutines.length;
  void s.channels.length;
});
const graphMs = timeEach(indices.slice(0, 200), (i) => void model.stateAt(i).waitFor.cycles);
// Playback: stepping forward one event at a time continues from the last state.
const start = eventIndex(Math.floor(model.length / 2));
t0 = performance.now();
for (let i = start; i < start + 1000; i++) model.stateAt(i);
const stepMs = ms(t0) / 1000;
// The naive alternative: replay from the first event (a few samples: it is slow).
const replayMs = timeEach(indices.slice(0, 5), (i) => replayStateAt(model, i));
t0 = performance.now();
const outcome = model.explanation.outcome;
const explainMs = ms(t0);

const r = (x: number, d = 0): number => Number(x.toFixed(d));
const stats = {
  events: model.length,
  goroutines: model.goroutines.length,
  channels: model.channels.length,
  flows: model.flows.length,
  selects: model.selects.length,
  checkpoints: model.checkpoints.length,
  parseMs: r(parseMs),
  buildMs: r(streamMs - parseMs),
  buildNsPerEvent: r(((streamMs - parseMs) * 1e6) / model.length),
  parseAndBuildMs: r(streamMs),
  buildCpuMs: r(streamCpuMs - parseCpuMs),
  snapshotMedianMs: r(quantile(snapshotMs, 0.5), 2),
  modelHeapMB: r(modelHeap),
  peakHeapWhileBuildingMB: r(peakHeap),
  stateAtMedianMs: r(quantile(stateMs, 0.5), 3),
  stateAtP95Ms: r(quantile(stateMs, 0.95), 3),
  stateAtCpuMedianMs: r(quantile(stateCpuMs, 0.5), 3),
  stateAtCpuP95Ms: r(quantile(stateCpuMs, 0.95), 3),
  loadAverage: r(loadAverage(), 1),
  stateAtAllListsMedianMs: r(quantile(fullMs, 0.5), 3),
  stateAtWithGraphMedianMs: r(quantile(graphMs, 0.5), 3),
  stateAtStepMs: r(stepMs, 4),
  replayMedianMs: r(quantile(replayMs, 0.5), 1),
  replayOverStateAt: r(quantile(replayMs, 0.5) / quantile(stateMs, 0.5), 1),
  explainMs: r(explainMs, 1),
  outcome,
  parsed,
};

if (json) {
  console.log(JSON.stringify(stats, null, 2));
} else {
  log(
    `  ${stats.goroutines} goroutines, ${stats.channels} channels, ${stats.flows} flows, ${stats.selects} selects, ${stats.checkpoints} checkpoints`,
  );
  log(
    `  build (parse+build minus parse)  ${stats.buildMs} ms  (${stats.buildNsPerEvent} ns/event; CPU ${stats.buildCpuMs} ms; parse alone ${stats.parseMs} ms)`,
  );
  log(`  snapshot of a growing model      ${stats.snapshotMedianMs} ms median`);
  log(`  model heap                       ${stats.modelHeapMB} MB  (peak while building: ${stats.peakHeapWhileBuildingMB} MB)`);
  log(
    `  stateAt, random index            ${stats.stateAtMedianMs} ms median, ${stats.stateAtP95Ms} ms p95 (CPU ${stats.stateAtCpuMedianMs} / ${stats.stateAtCpuP95Ms} ms)`,
  );
  log(`  stateAt + every goroutine/chan   ${stats.stateAtAllListsMedianMs} ms median`);
  log(`  stateAt + wait-for graph         ${stats.stateAtWithGraphMedianMs} ms median`);
  log(`  stateAt, stepping forward        ${stats.stateAtStepMs} ms per step`);
  log(`  replay from the first event      ${stats.replayMedianMs} ms median = ${stats.replayOverStateAt}x stateAt`);
  log(`  explanation (${stats.outcome})            ${stats.explainMs} ms`);
  log(`  (load average ${stats.loadAverage}: wall-clock figures count other processes too; CPU figures less so)`);
}
