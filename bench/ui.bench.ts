// Timeline UI benchmark, in a real browser: a generated trace of about a
// million events is serialized to JSON Lines in the page, read back through the
// trace reader into the model (as opening a file does), and the Timeline is
// mounted over it. Measured: first paint after the trace text is in memory;
// zoom, pan and scrub frames driven by real input events; the JS heap.
//
//   npx tsx bench/ui.bench.ts [--json] [--events N] [--dpr 2] [--no-build]
//
// A frame's cost is the renderer main thread's CPU time from the input event
// until the frame is painted and the parent's render has committed (Chromium's
// own accounting, so it covers handlers, the controlled round trip through
// React, layout, painting and the canvas raster at commit; and it does not
// grow when other processes compete for the CPU). Beside it: the timeline's
// paint callback alone, the wall-clock task time, and the latency from input
// to painted frame. Never a timed assertion: this prints numbers.

import { resolve } from "node:path";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { chromiumPath } from "../e2e/browser";
import { serveStatic } from "../e2e/staticServer";
import { buildTimelinePage, TIMELINE_PAGE_DIR } from "./ui/buildPage";
import type { EventIndex } from "../traces/events";
import type { TimelinePageApi } from "./ui/pageApi";
import { timeWindow } from "../renderer/timeline/axisScale";

const args = process.argv.slice(2);
const json = args.includes("--json");
const argValue = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EVENTS = argValue("--events", 1_000_000);
const DPR = argValue("--dpr", 1);
const WIDTH = 1440;
const HEIGHT = 900;
const log = (...a: unknown[]): void => {
  if (!json) console.log(...a);
};

interface Sample {
  /** Main-thread CPU time for the frame. */
  readonly work: number;
  /** Main-thread wall-clock task time for the frame (inflated when the machine is busy). */
  readonly wall: number;
  readonly paint: number;
  readonly latency: number;
  readonly staticRepainted: boolean;
}

const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const round = (x: number, d = 2): number => Number(x.toFixed(d));

type PageWindow = typeof globalThis & {
  __timeline: TimelinePageApi;
  __lastInput: number;
  addEventListener(type: string, listener: () => void, options: { capture: boolean; passive: boolean }): void;
};

async function installInputClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as PageWindow;
    w.__lastInput = 0;
    for (const type of ["wheel", "pointermove", "pointerdown"]) {
      w.addEventListener(type, () => (w.__lastInput = performance.now()), { capture: true, passive: true });
    }
  });
}

interface Metrics {
  /** Wall-clock time the renderer's main thread spent in tasks. */
  readonly task: number;
  /** CPU time of the renderer's main thread: what the work costs, whatever else the machine is doing. */
  readonly thread: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  const get = (name: string): number => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get("TaskDuration"), thread: get("ThreadTime") };
}

/**
 * Sends one input, waits until the frame it causes is painted and the parent's
 * render has committed, and returns the main thread's busy time in between
 * (Chromium's TaskDuration: handlers, React, layout, painting, and this
 * harness's own small calls, measured idle as `baseline`).
 */
async function measure(page: Page, cdp: CDPSession, input: () => Promise<void>, staticLayer = true): Promise<Sample | undefined> {
  const before = await metrics(cdp);
  const next = page.evaluate(
    (wantStatic) =>
      Promise.race([
        (async () => {
          const w = globalThis as PageWindow;
          let f;
          for (;;) {
            f = await w.__timeline.nextFrame();
            if (f.staticRepainted || !wantStatic) break;
          }
          // The parent's render may come after the previewed frame: wait for it too.
          for (let i = 0; i < 50 && w.__timeline.lastCommit < w.__lastInput; i++) await new Promise((ok) => setTimeout(ok, 2));
          return { frame: f, input: w.__lastInput };
        })(),
        new Promise<undefined>((ok) => setTimeout(() => ok(undefined), 2000)),
      ]),
    staticLayer,
  );
  await input();
  const r = await next;
  const after = await metrics(cdp);
  if (r === undefined) return undefined;
  return {
    work: after.thread - before.thread,
    wall: after.task - before.task,
    paint: r.frame.totalMs,
    latency: r.frame.at - r.input,
    staticRepainted: r.frame.staticRepainted,
  };
}

function summary(name: string, samples: readonly (Sample | undefined)[]): Record<string, number | string> {
  const ok = samples.filter((s): s is Sample => s !== undefined);
  const work = ok.map((s) => s.work);
  const paint = ok.map((s) => s.paint);
  const wall = ok.map((s) => s.wall);
  const latency = ok.map((s) => s.latency);
  const row = {
    name,
    frames: ok.length,
    missed: samples.length - ok.length,
    workMedianMs: round(quantile(work, 0.5)),
    workP95Ms: round(quantile(work, 0.95)),
    paintP95Ms: round(quantile(paint, 0.95)),
    wallMedianMs: round(quantile(wall, 0.5)),
    paintMedianMs: round(quantile(paint, 0.5)),
    latencyMedianMs: round(quantile(latency, 0.5)),
  };
  log(
    `  ${name.padEnd(34)} ${String(row.frames).padStart(4)} frames  work ${String(row.workMedianMs).padStart(6)} ms median, ${String(row.workP95Ms).padStart(6)} p95` +
      `  (timeline's paint callback ${row.paintMedianMs} ms; wall ${row.wallMedianMs} ms; input→painted ${row.latencyMedianMs} ms)${row.missed > 0 ? `  ${row.missed} without a frame` : ""}`,
  );
  return row;
}

async function setWindow(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      const api = (globalThis as PageWindow).__timeline;
      const p = api.nextFrame();
      api.setWindow(timeWindow(a, b));
      return p;
    },
    [start, end] as const,
  );
}

async function main(): Promise<void> {
  if (!args.includes("--no-build")) await buildTimelinePage();
  const server = await serveStatic(TIMELINE_PAGE_DIR);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const results: Record<string, unknown> = { events: EVENTS, viewport: `${WIDTH}x${HEIGHT}@${DPR}x` };
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: DPR });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    log(`timeline UI bench: ${EVENTS.toLocaleString("en")} synthetic events, ${WIDTH}x${HEIGHT} at ${DPR}x, Chromium ${browser.version()}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`${server.url}?synthetic=${EVENTS}&seed=1&hold`);
    await page.waitForFunction(() => (globalThis as PageWindow).__timeline?.status !== "loading", undefined, {
      timeout: 600_000,
      polling: 250,
    });
    // The trace text is in memory: from here to the first painted frame, on the wall clock and in CPU time.
    const cpuBefore = await metrics(cdp);
    await page.evaluate(() => (globalThis as PageWindow).__timeline.proceed());
    await page.waitForFunction(() => (globalThis as PageWindow).__timeline.status !== "loading", undefined, {
      timeout: 600_000,
      polling: 50,
    });
    const cpuAfter = await metrics(cdp);
    const loadCpuMs = cpuAfter.thread - cpuBefore.thread;
    const status = await page.evaluate(() => ({
      status: (globalThis as PageWindow).__timeline.status,
      error: (globalThis as PageWindow).__timeline.error,
    }));
    if (status.status !== "ready") throw new Error(`the page failed: ${status.error ?? "?"}`);
    const timings = await page.evaluate(() => ({ ...(globalThis as PageWindow).__timeline.timings }));
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    const heapMB = heap.usedSize / 2 ** 20;
    results["load"] = {
      traceTextMB: round(timings["textMB"] ?? 0, 1),
      goroutines: timings["goroutines"],
      channels: timings["channels"],
      readAndBuildMs: round(timings["readAndBuildMs"] ?? 0, 0),
      modelToFirstPaintMs: round(timings["modelToFirstPaintMs"] ?? 0, 0),
      firstPaintAfterReadMs: round(timings["firstPaintMs"] ?? 0, 0),
      firstPaintAfterReadCpuMs: round(loadCpuMs, 0),
      peakHeapWhileLoadingMB: round(timings["peakHeapMB"] ?? 0, 0),
      heapAfterLoadMB: round(heapMB, 0),
    };
    log(`  trace text ${round(timings["textMB"] ?? 0, 1)} MB; ${timings["goroutines"]} goroutines, ${timings["channels"]} channels`);
    log(
      `  first paint after the trace is read   ${round(timings["firstPaintMs"] ?? 0, 0)} ms wall, ${round(loadCpuMs, 0)} ms CPU` +
        `  (read + build ${round(timings["readAndBuildMs"] ?? 0, 0)} ms, model → first paint ${round(timings["modelToFirstPaintMs"] ?? 0, 0)} ms)`,
    );
    log(`  JS heap: ${round(heapMB, 0)} MB after load (after GC), peak while loading ${round(timings["peakHeapMB"] ?? 0, 0)} MB`);

    const frames: Record<string, unknown>[] = [];
    await installInputClock(page);
    // What the harness itself costs per measured frame: a frame caused by a prop change, no input event.
    const baseline: (Sample | undefined)[] = [];
    for (let i = 0; i < 20; i++) {
      baseline.push(
        await measure(
          page,
          cdp,
          async () => {
            await page.evaluate((k) => {
              const w = globalThis as PageWindow;
              w.__lastInput = performance.now();
              w.__timeline.setPlayhead((1000 + k) as EventIndex);
            }, i);
          },
          false,
        ),
      );
    }
    frames.push(summary("baseline: playhead set by the page", baseline));
    const plotX = 184 + (WIDTH - 184 - 12) / 2;
    const plotY = 64 + 60 + 300;

    // Zoom with the wheel, the whole trace in view first (every span merged into pixels).
    await setWindow(page, 0, EVENTS);
    await page.mouse.move(plotX, plotY);
    const zoomIn: (Sample | undefined)[] = [];
    for (let i = 0; i < 30; i++) zoomIn.push(await measure(page, cdp, () => page.mouse.wheel(0, -120)));
    const zoomOut: (Sample | undefined)[] = [];
    for (let i = 0; i < 30; i++) zoomOut.push(await measure(page, cdp, () => page.mouse.wheel(0, 120)));
    frames.push(summary("zoom (wheel), 30 steps in and out", [...zoomIn, ...zoomOut]));

    // Pan by dragging, at three zoom levels: all of it, 50k events, 2k events (glyphs and arrows drawn).
    for (const [label, width] of [
      ["pan (drag), half the trace in view", EVENTS / 2],
      ["pan (drag), 50k events in view", 50_000],
      ["pan (drag), 2k events in view", 2_000],
    ] as const) {
      const start = Math.max(0, EVENTS / 2 - width / 2);
      await setWindow(page, start, start + width);
      await page.mouse.move(plotX, plotY);
      await page.mouse.down();
      const pan: (Sample | undefined)[] = [];
      for (let i = 1; i <= 40; i++)
        pan.push(await measure(page, cdp, () => page.mouse.move(plotX - i * 12 * (i % 2 === 0 ? 1 : 0.9), plotY)));
      await page.mouse.up();
      frames.push(summary(label, pan));
    }

    // Scrub the playhead along the axis (the interactive layer only).
    await setWindow(page, EVENTS / 2 - 25_000, EVENTS / 2 + 25_000);
    const axisY = 30 + 17;
    await page.mouse.move(plotX - 400, axisY);
    await page.mouse.down();
    const scrub: (Sample | undefined)[] = [];
    for (let i = 1; i <= 60; i++) scrub.push(await measure(page, cdp, () => page.mouse.move(plotX - 400 + i * 13, axisY), false));
    await page.mouse.up();
    frames.push(summary("scrub (drag on the axis)", scrub));

    // Vertical scroll through the goroutine lanes.
    await page.mouse.move(90, plotY);
    const scroll: (Sample | undefined)[] = [];
    for (let i = 0; i < 30; i++) scroll.push(await measure(page, cdp, () => page.mouse.wheel(0, 240)));
    frames.push(summary("scroll lanes (wheel over labels)", scroll));

    await cdp.send("HeapProfiler.collectGarbage");
    const heapEnd = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    results["frames"] = frames;
    results["heapAfterInteractionMB"] = round(heapEnd.usedSize / 2 ** 20, 0);
    log(`  JS heap after interacting: ${round(heapEnd.usedSize / 2 ** 20, 0)} MB`);
    await page.screenshot({ path: resolve(import.meta.dirname, "../artifacts/screenshots/ui-bench-1m.png") });
    await page.close();

    // A live run: a new model per batch of events, the window following the end.
    const LIVE_START = Math.min(200_000, EVENTS);
    const BATCH = 2_000;
    const livePage = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: DPR });
    livePage.on("pageerror", (e) => errors.push(e.message));
    await livePage.goto(`${server.url}?live=${LIVE_START}&seed=2`);
    await livePage.waitForFunction(() => (globalThis as PageWindow).__timeline?.status !== "loading", undefined, {
      timeout: 300_000,
      polling: 250,
    });
    await installInputClock(livePage);
    const liveCdp = await livePage.context().newCDPSession(livePage);
    await liveCdp.send("Performance.enable");
    const live: (Sample | undefined)[] = [];
    const modelMs: number[] = [];
    for (let i = 0; i < 60; i++) {
      live.push(
        await measure(livePage, liveCdp, async () => {
          const r = await livePage.evaluate((n) => {
            const w = globalThis as PageWindow;
            w.__lastInput = performance.now();
            return w.__timeline.appendBatch(n);
          }, BATCH);
          modelMs.push(r.modelMs);
        }),
      );
    }
    const liveRow = summary(`live: batches of ${BATCH.toLocaleString("en")} onto ${LIVE_START / 1000}k events`, live);
    const modelMedian = round(quantile(modelMs, 0.5));
    log(`    of which the model (generate, add, snapshot): ${modelMedian} ms median`);
    frames.push({ ...liveRow, modelMedianMs: modelMedian });
    await livePage.screenshot({ path: resolve(import.meta.dirname, "../artifacts/screenshots/ui-bench-live.png") });
    if (errors.length > 0) {
      results["pageErrors"] = errors;
      log(`  page errors: ${errors.join("; ")}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

await main();
