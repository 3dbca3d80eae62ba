// The timeline in Chromium, over traces of real sample runs: what a person
// sees (screenshots in artifacts/screenshots/timeline-*.png) and what the
// pointer does (hover tooltips, selection, zoom, pan, playhead). The page is
// bench/ui/TimelinePage.tsx: the Timeline alone, with a small
// state holder standing in for the app's reducer.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { GoroutineId } from "../traces/events";
import { buildTimelinePage } from "../bench/ui/buildPage";
import type { TimelinePageApi } from "../bench/ui/pageApi";
import { launchChromium } from "./browser";
import { SCREENSHOTS } from "./fixture";
import { serveStatic, type StaticServer } from "./staticServer";

const repo = resolve(import.meta.dirname, "..");
const PAGE_DIR = resolve(repo, "out/timeline-e2e");
const SAMPLES = ["worker-pool", "deadlock-circular", "pipeline", "select-multiplex"] as const;

// Geometry the test aims at (renderer/timeline/geometry.ts).
const GUTTER = 184;
const SCROLLBAR = 12;
const TOP = 30 + 34;
const HEADER = 22;
const LANE = 24;

type PageWindow = typeof globalThis & { __timeline: TimelinePageApi };

let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildTimelinePage(PAGE_DIR);
  mkdirSync(resolve(PAGE_DIR, "traces"), { recursive: true });
  for (const id of SAMPLES) {
    // A deadlocking sample exits non-zero on purpose; what matters is the trace it leaves.
    const out = resolve(PAGE_DIR, "traces", `${id}.jsonl`);
    spawnSync(process.execPath, [resolve(repo, "main/cli/bin.mjs"), "run", id, "--out", out], { cwd: repo, stdio: "ignore" });
    if (!existsSync(out)) throw new Error(`chanscope run ${id} wrote no trace`);
  }
  server = await serveStatic(PAGE_DIR);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  /** The plot's box on the page. */
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

async function open(query: string, viewport = { width: 1280, height: 640 }, deviceScaleFactor = 1): Promise<Opened> {
  if (!browser || !server) throw new Error("not started");
  const page = await browser.newPage({ viewport, deviceScaleFactor });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}?${query}`);
  await page.waitForFunction(() => (globalThis as PageWindow).__timeline?.status !== "loading", undefined, { timeout: 60_000 });
  expect(await page.evaluate(() => (globalThis as PageWindow).__timeline.error)).toBeUndefined();
  // Let the deferred summaries (overview, channel waits) land.
  await page.waitForTimeout(150);
  const box = await page.locator(".cs-timeline-interactive").boundingBox();
  if (box === null) throw new Error("no timeline canvas");
  return { page, errors, box };
}

const state = (page: Page) => page.evaluate(() => (globalThis as PageWindow).__timeline.state());

/** Where event `index` is on screen in sequence mode with the whole trace in view, and goroutine `row`'s lane (0 = first). */
async function pointAt(o: Opened, index: number, row: number): Promise<{ x: number; y: number }> {
  const n = await o.page.evaluate(() => (globalThis as PageWindow).__timeline.model?.length ?? 0);
  const w = await state(o.page);
  const plotWidth = o.box.width - GUTTER - SCROLLBAR;
  const x = o.box.x + GUTTER + ((index - w.window.start) / (w.window.end - w.window.start)) * plotWidth;
  expect(n).toBeGreaterThan(index);
  return { x, y: o.box.y + TOP + HEADER + row * LANE + LANE / 2 };
}

/** The middle of goroutine g's span k: [start, end) in event indices. */
const spanOf = (page: Page, g: number, k: number) =>
  page.evaluate(
    ([gg, kk]) => {
      const t = (globalThis as PageWindow).__timeline.model?.goroutine(gg as GoroutineId)?.spans;
      return t === undefined ? undefined : { start: t.startIndex(kk), end: t.endIndex(kk), state: t.stateOf(kk) };
    },
    [g, k] as const,
  );

const lastSpan = (page: Page, g: number) =>
  page.evaluate((gg) => ((globalThis as PageWindow).__timeline.model?.goroutine(gg as GoroutineId)?.spans.length ?? 0) - 1, g);

describe("the timeline in Chromium", () => {
  it("shows the worker pool: lanes, spans, channel buffers and arrows", async () => {
    const o = await open("trace=traces/worker-pool.jsonl");
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-worker-pool.png") });
    const legend = await o.page.locator(".cs-timeline-legend").textContent();
    expect(legend).toContain("running");
    expect(legend).toContain("blocked: chan receive");
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it("hovering a deadlocked goroutine says which channel it waits on", async () => {
    const o = await open("trace=traces/deadlock-circular.jsonl&theme=dark");
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-deadlock-dark.png") });
    // G2 (row 1) ends deadlocked, waiting on a channel.
    const k = await lastSpan(o.page, 2);
    const span = await spanOf(o.page, 2, k);
    expect(span?.state).toBe("deadlocked");
    const p = await pointAt(o, Math.floor(((span?.start ?? 0) + (span?.end ?? 0)) / 2), 1);
    await o.page.mouse.move(p.x, p.y + 4);
    const tip = o.page.locator(".cs-timeline-tooltip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^G2 alice — deadlocked: waiting to (receive from|send \S+ to) `[ab]` since event #\d+/);
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-deadlock-tooltip.png") });
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it("clicking a span selects it, and clicking empty space clears the selection", async () => {
    const o = await open("trace=traces/pipeline.jsonl");
    const span = await spanOf(o.page, 3, 2);
    const p = await pointAt(o, Math.floor(((span?.start ?? 0) + (span?.end ?? 0)) / 2), 2);
    await o.page.mouse.click(p.x, p.y + 5);
    expect((await state(o.page)).selection).toEqual({ kind: "span", g: 3, span: 2 });
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-pipeline-selected.png") });
    await o.page.mouse.click(p.x, o.box.y + o.box.height - 10);
    expect((await state(o.page)).selection).toBeUndefined();
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it("the wheel zooms around the pointer and a drag pans", async () => {
    const o = await open("trace=traces/pipeline.jsonl");
    const before = (await state(o.page)).window;
    const x = o.box.x + GUTTER + (o.box.width - GUTTER - SCROLLBAR) * 0.25;
    const y = o.box.y + TOP + 60;
    await o.page.mouse.move(x, y);
    for (let i = 0; i < 5; i++) await o.page.mouse.wheel(0, -200);
    await expect
      .poll(async () => (await state(o.page)).window.end - (await state(o.page)).window.start)
      .toBeLessThan((before.end - before.start) / 2);
    const zoomed = (await state(o.page)).window;
    // The event under the pointer stayed under it: a quarter of the way in.
    expect((zoomed.start + (zoomed.end - zoomed.start) * 0.25 - before.end * 0.25) / (before.end - before.start)).toBeLessThan(0.02);
    await o.page.mouse.move(x + 200, y);
    await o.page.mouse.down();
    await o.page.mouse.move(x + 100, y, { steps: 5 });
    await o.page.mouse.move(x, y, { steps: 5 });
    await o.page.mouse.up();
    const panned = (await state(o.page)).window;
    expect(panned.start).toBeGreaterThan(zoomed.start);
    expect(panned.end - panned.start).toBeCloseTo(zoomed.end - zoomed.start, 6);
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-pipeline-zoomed.png") });
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it("a drag along the axis moves the playhead", async () => {
    const o = await open("trace=traces/select-multiplex.jsonl&playhead=0");
    const axisY = o.box.y + 30 + 17;
    const start = await pointAt(o, 5, 0);
    const end = await pointAt(o, 25, 0);
    await o.page.mouse.move(start.x, axisY);
    await o.page.mouse.down();
    expect((await state(o.page)).playhead).toBe(5);
    await o.page.mouse.move(end.x, axisY, { steps: 8 });
    await o.page.mouse.up();
    expect((await state(o.page)).playhead).toBe(25);
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-select-playhead.png") });
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it("draws a big generated trace merged into pixels, and sharp at twice the pixel density", async () => {
    const o = await open("synthetic=100000", { width: 1440, height: 800 });
    await o.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-synthetic-100k.png") });
    expect(o.errors).toEqual([]);
    await o.page.close();
    const hi = await open("trace=traces/worker-pool.jsonl&window=0,40", { width: 900, height: 420 }, 2);
    const size = await hi.page.locator(".cs-timeline-interactive").evaluate((el) => {
      const c = el as unknown as { width: number; getBoundingClientRect(): { width: number } };
      return { width: c.width, cssWidth: c.getBoundingClientRect().width };
    });
    expect(size.width).toBe(Math.round(size.cssWidth * 2));
    await hi.page.screenshot({ path: resolve(SCREENSHOTS, "timeline-worker-pool-2x.png") });
    expect(hi.errors).toEqual([]);
    await hi.page.close();
  });
});
