// What source locations (captureLocations, always on in the app) cost a run,
// the way the app's run worker captures them: a program evaluated with a
// sourceURL (as main/core/programLoader loads one), no source maps, so the
// runtime reads V8's structured call sites. Beside it, the same run reading
// the formatted stack text (what it does where a source-map hook is
// installed, and what it always did before), and the run without locations.
// The three take turns; medians of the repetitions, ratios paired per
// repetition.
//
//   npx tsx bench/locations.bench.ts [--json]

import * as runtime from "../runtime/index";
import { median, pairedMedian } from "./stats";

const OPS = Number(process.env.BENCH_OPS ?? 50_000);
const REPS = Number(process.env.BENCH_REPS ?? 7);
const WARMUP = 2;
const json = process.argv.includes("--json");

// tsx turns Node's source maps on; the app's worker runs without them.
process.setSourceMapsEnabled(false);

const program = (0, eval)(`(function (rt) {
  return async (n) => {
    const c = rt.chan(4, "c");
    rt.go(async () => {
      for (let i = 0; i < n; i++) await c.send(i);
      c.close();
    }, "producer");
    for await (const _v of c) void _v;
  };
})
//# sourceURL=bench/program.ts`) as (rt: typeof runtime) => (n: number) => Promise<void>;
const main = program(runtime);

type Mode = "call sites" | "stack text" | "off";
const MODES: readonly Mode[] = ["call sites", "stack text", "off"];

/** V8's default stack text, from a hook: its presence sends the runtime down the text path. */
const formatLikeV8 = (err: Error, sites: readonly unknown[]): string =>
  `${String(err)}\n${sites.map((s) => `    at ${String(s)}`).join("\n")}`;

async function once(mode: Mode): Promise<number> {
  const hooks = Error as { prepareStackTrace?: unknown };
  hooks.prepareStackTrace = mode === "stack text" ? formatLikeV8 : undefined;
  try {
    const t0 = performance.now();
    const r = await runtime.run(() => main(OPS), { captureLocations: mode !== "off", maxEvents: 1e8 });
    const ns = ((performance.now() - t0) * 1e6) / r.eventCount;
    if (r.status !== "ok") throw new Error(`run ended ${r.status}: ${r.message}`);
    if (mode !== "off" && !r.events.some((e) => e.loc === "bench/program.ts:5"))
      throw new Error(`${mode}: no event carries the producer's line`);
    return ns;
  } finally {
    hooks.prepareStackTrace = undefined;
  }
}

const times: Record<Mode, number[]> = { "call sites": [], "stack text": [], off: [] };
for (let rep = 0; rep < WARMUP + REPS; rep++) {
  for (let k = 0; k < MODES.length; k++) {
    const mode = MODES[(k + rep) % MODES.length]!;
    const ns = await once(mode);
    if (rep >= WARMUP) times[mode].push(ns);
  }
}
const result = {
  ops: OPS,
  reps: REPS,
  nsPerEvent: { callSites: median(times["call sites"]), stackText: median(times["stack text"]), off: median(times.off) },
  textOverSites: pairedMedian(times["stack text"], times["call sites"]),
  sitesOverOff: pairedMedian(times["call sites"], times.off),
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  const ns = (x: number): string => `${x.toFixed(0)} ns`.padStart(9);
  console.log(
    `source locations: a buffered producer and consumer, ${OPS} values, medians of ${REPS} repetitions taking turns (wall ns per event)`,
  );
  console.log(
    `  locations from V8's call sites (the app's worker)  ${ns(result.nsPerEvent.callSites)}   ${result.sitesOverOff.toFixed(1)}x no locations`,
  );
  console.log(
    `  locations from the stack text                     ${ns(result.nsPerEvent.stackText)}   ${result.textOverSites.toFixed(2)}x call sites`,
  );
  console.log(`  no locations                                      ${ns(result.nsPerEvent.off)}`);
}
