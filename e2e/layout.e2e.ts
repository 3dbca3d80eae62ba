// The lesson fits a laptop (issue 19), in Chromium on the web host: at
// 1280×720 every sample's lanes, its end-state banner and its wait-for graph
// are on screen without scrolling; the toolbar is one row; the splitters
// resize and the sizes are remembered; text cut to fit keeps its start and is
// said whole in a tooltip; the event list shows rows while a run streams.
// Screenshots: artifacts/screenshots/layout-*.png.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../samples/catalog/catalog";
import { dismissNotices, pageErrors, runProgramFile, SCREENSHOTS, useApp } from "./fixture";

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-e2e-layout-"));

const LAPTOP = { width: 1280, height: 720 };
const DESKTOP = { width: 1920, height: 1080 };

type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

async function openApp(viewport: { width: number; height: number }, theme: "light" | "dark" = "light"): Promise<Page> {
  const page = await app.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(app.url);
  await page.waitForSelector("[data-testid=welcome] [data-sample]");
  return page;
}

async function runSample(page: Page, id: string, title: string): Promise<void> {
  await page.click("[data-testid=sample-menu-button]");
  await page.click(`.menu-list [data-sample="${id}"]`);
  await page.waitForSelector(`[data-testid=trace-name]:text-is(${JSON.stringify(title)})`, { timeout: 30_000 });
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
  // Notices sit above the workspace and take its height: close them, as a reader would.
  await dismissNotices(page);
  await settle(page);
}

/** Waits until the timeline has painted at the workspace's final size: its lanes-in-view count holds still. */
async function settle(page: Page): Promise<void> {
  let last = "";
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(60);
    const now = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } })
        .document;
      const plot = doc.querySelector(".cs-timeline-plot");
      const host = doc.querySelector("[data-testid=timeline-host]") as unknown as { getBoundingClientRect(): Box } | null;
      return `${plot?.getAttribute("data-lanes-in-view")}/${plot?.getAttribute("data-lanes")}@${host?.getBoundingClientRect().height}`;
    });
    if (now === last && !now.startsWith("null")) return;
    last = now;
  }
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (b === null) throw new Error(`${selector} is not on screen`);
  return b;
}

const inside = (inner: Box, outer: Box, slack = 1): boolean =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

/** "Timeline of 3 goroutines and 2 channels over 25 events" → the lanes it has. */
async function laneCount(page: Page): Promise<number> {
  const label = (await page.getAttribute("[data-testid=timeline] canvas[role=img]", "aria-label")) ?? "";
  const m = /of ([\d,]+) goroutines? and ([\d,]+) channels?/.exec(label.replace(/(\d),(\d)/g, "$1$2"));
  if (m === null) throw new Error(`unexpected timeline label: ${label}`);
  return Number(m[1]) + Number(m[2]);
}

/** Every lane of the timeline (so every lane's label in the gutter) in the plot, the plot in the window, nothing to scroll. */
async function expectAllLanesInView(page: Page, viewport: { width: number; height: number }, what: string): Promise<void> {
  const plot = page.locator(".cs-timeline-plot");
  const lanes = Number(await plot.getAttribute("data-lanes"));
  expect(lanes, what).toBe(await laneCount(page));
  expect(Number(await plot.getAttribute("data-lanes-in-view")), `${what}: lanes wholly in view`).toBe(lanes);
  const scroll = await page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { scrollHeight: number; clientHeight: number }; scrollingElement: { scrollHeight: number } };
        innerHeight: number;
      }
    ).document;
    const scroller = doc.querySelector(".cs-timeline-scroller");
    return { lanes: scroller.scrollHeight - scroller.clientHeight, page: doc.scrollingElement.scrollHeight };
  });
  expect(scroll.lanes, `${what}: the lanes scroll`).toBeLessThanOrEqual(1);
  expect(scroll.page, `${what}: the page scrolls`).toBeLessThanOrEqual(viewport.height);
  expect(inside(await box(page, ".cs-timeline-plot"), { x: 0, y: 0, ...viewport }), `${what}: the timeline is in the window`).toBe(true);
}

/** The banner, when the run ended in one: on screen, its headline and (unless folded) its summary or list readable. */
async function expectBannerInView(page: Page, viewport: { width: number; height: number }, what: string): Promise<void> {
  const banner = page.locator("[data-testid=end-banner]");
  if ((await banner.count()) === 0) return;
  expect(inside(await box(page, "[data-testid=end-banner]"), { x: 0, y: 0, ...viewport }), `${what}: banner in the window`).toBe(true);
  expect(await page.locator("[data-testid=end-headline]").isVisible(), `${what}: headline`).toBe(true);
  expect(await banner.getAttribute("data-mode"), `${what}: banner mode`).not.toBe("folded");
}

/** Every node of the wait-for graph inside the graph's panel. */
async function expectGraphInPanel(page: Page, what: string): Promise<void> {
  const nodes = page.locator("[data-testid=wait-for-graph] .wf-node");
  const n = await nodes.count();
  if (n === 0) return;
  const panel = await box(page, "[data-testid=wait-for-graph] .graph-canvas");
  for (let k = 0; k < n; k++) {
    const node = await nodes.nth(k).boundingBox();
    expect(node, `${what}: graph node ${k}`).not.toBeNull();
    expect(inside(node as Box, panel), `${what}: ${await nodes.nth(k).getAttribute("data-label")} inside the graph's panel`).toBe(true);
  }
}

/** All of the toolbar's parts on one row, and the toolbar one row tall. */
async function expectToolbarOneRow(page: Page, what: string): Promise<void> {
  const rows = await page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { children: ArrayLike<unknown> } & { getBoundingClientRect(): Box } };
      }
    ).document;
    const bar = doc.querySelector(".toolbar");
    const kids = Array.from(bar.children as ArrayLike<{ getBoundingClientRect(): Box }>).map((c) => c.getBoundingClientRect());
    return {
      bar: bar.getBoundingClientRect().height,
      tops: kids.map((k) => Math.round(k.y + k.height / 2)),
      heights: kids.map((k) => k.height),
    };
  });
  const mid = rows.tops[0] as number;
  for (const t of rows.tops) expect(Math.abs(t - mid), `${what}: toolbar items share one row`).toBeLessThanOrEqual(2);
  // One row: the tallest control, the bar's padding and its border.
  expect(rows.bar, `${what}: toolbar height`).toBeLessThanOrEqual(Math.max(...rows.heights) + 2 * 6 + 1);
}

describe("the lesson fits a laptop", () => {
  it(
    "at 1280×720 every sample shows all its lanes, its banner and its wait-for graph without scrolling",
    { timeout: 240_000 },
    async () => {
      const page = await openApp(LAPTOP);
      for (const sample of SAMPLES) {
        await runSample(page, sample.id, sample.title);
        await expectAllLanesInView(page, LAPTOP, sample.id);
        await expectBannerInView(page, LAPTOP, sample.id);
        await expectGraphInPanel(page, sample.id);
        await expectToolbarOneRow(page, sample.id);
        await page.screenshot({ path: resolve(SCREENSHOTS, `layout-1280x720-${sample.id}.png`) });
      }
      expect(pageErrors(page)).toEqual([]);
    },
  );

  it("at 1920×1080, in both themes, the same holds with room to spare", { timeout: 120_000 }, async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await openApp(DESKTOP, theme);
      for (const id of ["deadlock-circular", "mutex-counter", "fan-out-fan-in", "fetch-with-timeout"]) {
        const sample = SAMPLES.find((s) => s.id === id);
        if (sample === undefined) throw new Error(`no sample ${id}`);
        await runSample(page, sample.id, sample.title);
        await expectAllLanesInView(page, DESKTOP, `${id}, ${theme}`);
        await expectBannerInView(page, DESKTOP, `${id}, ${theme}`);
        await expectGraphInPanel(page, `${id}, ${theme}`);
        await page.screenshot({ path: resolve(SCREENSHOTS, `layout-1920x1080-${id}-${theme}.png`) });
      }
      expect(pageErrors(page)).toEqual([]);
    }
  });

  it("shows a deadlock at 1280×720 in the dark theme too", async () => {
    const page = await openApp(LAPTOP, "dark");
    for (const id of ["deadlock-circular", "leak-timeout"]) {
      const sample = SAMPLES.find((s) => s.id === id);
      if (sample === undefined) throw new Error(`no sample ${id}`);
      await runSample(page, sample.id, sample.title);
      await expectAllLanesInView(page, LAPTOP, id);
      await expectBannerInView(page, LAPTOP, id);
      await page.screenshot({ path: resolve(SCREENSHOTS, `layout-1280x720-${id}-dark.png`) });
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it("keeps the inspector's goroutine table inside the side column mid-run, long wait reasons and all", async () => {
    const page = await openApp(LAPTOP);
    const sample = SAMPLES.find((s) => s.id === "image-pipeline-pool");
    if (sample === undefined) throw new Error("no sample image-pipeline-pool");
    await runSample(page, sample.id, sample.title);
    // Mid-run the closer waits on the WaitGroup: its badge says Go's wait reason, sync.WaitGroup.Wait.
    for (let i = 0; i < 60; i++) await page.keyboard.press("ArrowLeft");
    await settle(page);
    expect(await page.locator("[data-testid=goroutine-table] .state-badge[data-state=blocked-waitgroup]").count()).toBe(1);
    const table = await box(page, "[data-testid=goroutine-table]");
    const side = await box(page, "[data-testid=side-panels]");
    expect(table.x + table.width, "the table's right edge, 'since' and all").toBeLessThanOrEqual(side.x + side.width);
    await page.screenshot({ path: resolve(SCREENSHOTS, "layout-1280x720-inspector-mid-run.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("keeps the toolbar one row at 1280 and 1920 px, whatever it holds", async () => {
    for (const viewport of [LAPTOP, DESKTOP]) {
      const page = await openApp(viewport);
      await expectToolbarOneRow(page, `${viewport.width}px, welcome`);
      // The most it holds: the end-state jump and a long readout.
      await runSample(page, "mutex-counter", "Mutex counter");
      await runSample(page, "deadlock-circular", "Deadlock: circular wait");
      await expectToolbarOneRow(page, `${viewport.width}px, deadlock`);
      expect(await page.locator("[data-testid=readout]").isVisible()).toBe(true);
      await page.close();
    }
  });
});

describe("splitters", () => {
  it("resize the bottom panels and the label gutter by dragging, and the sizes are remembered after a reload", async () => {
    const page = await openApp(DESKTOP);
    await runSample(page, "deadlock-circular", "Deadlock: circular wait");
    const bottom = await box(page, "[data-testid=bottom-panels]");
    const splitter = await box(page, "[data-testid=bottom-splitter]");
    await page.mouse.move(splitter.x + splitter.width / 2, splitter.y + splitter.height / 2);
    await page.mouse.down();
    await page.mouse.move(splitter.x + splitter.width / 2, splitter.y + splitter.height / 2 - 90, { steps: 6 });
    await page.mouse.up();
    const resized = await box(page, "[data-testid=bottom-panels]");
    expect(resized.height).toBeCloseTo(bottom.height + 90, -1);
    expect(Number(await page.getAttribute("[data-testid=bottom-splitter]", "aria-valuenow"))).toBe(Math.round(resized.height));

    const gutter = page.locator("[data-testid=gutter-splitter]");
    const before = Number(await gutter.getAttribute("aria-valuenow"));
    const g = await box(page, "[data-testid=gutter-splitter]");
    await page.mouse.move(g.x + g.width / 2, g.y + 40);
    await page.mouse.down();
    await page.mouse.move(g.x + g.width / 2 + 60, g.y + 40, { steps: 6 });
    await page.mouse.up();
    expect(Number(await gutter.getAttribute("aria-valuenow"))).toBe(before + 60);
    expect(await gutter.getAttribute("role")).toBe("separator");

    await page.screenshot({ path: resolve(SCREENSHOTS, "layout-splitters-dragged.png") });
    await page.reload();
    await page.waitForSelector("[data-testid=welcome] [data-sample]");
    await runSample(page, "deadlock-circular", "Deadlock: circular wait");
    expect((await box(page, "[data-testid=bottom-panels]")).height).toBeCloseTo(resized.height, 0);
    expect(Number(await page.getAttribute("[data-testid=gutter-splitter]", "aria-valuenow"))).toBe(before + 60);
    expect(pageErrors(page)).toEqual([]);
  });

  it("move with the arrow keys, and fold and unfold their panels, remembered too", async () => {
    const page = await openApp(LAPTOP);
    await runSample(page, "worker-pool", "Worker pool");
    const side = page.locator("[data-testid=side-splitter]");
    const width = Number(await side.getAttribute("aria-valuenow"));
    await side.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    expect(Number(await side.getAttribute("aria-valuenow"))).toBe(width + 60);
    expect((await box(page, "[data-testid=side-panels]")).width).toBeCloseTo(width + 60, 0);

    const timeline = (await box(page, "[data-testid=timeline-host]")).height;
    await page.click("[data-testid=source-panel] button[aria-label='Fold the bottom panels']");
    await settle(page);
    expect(await page.getAttribute("[data-testid=bottom-panels]", "data-folded")).toBe("true");
    expect((await box(page, "[data-testid=timeline-host]")).height).toBeGreaterThan(timeline + 100);
    await page.click("[data-testid=graph-panel] button[aria-label='Fold the side panels']");
    expect(await page.getAttribute("[data-testid=side-panels]", "data-folded")).toBe("true");
    await page.screenshot({ path: resolve(SCREENSHOTS, "layout-folded-1280x720.png") });

    await page.reload();
    await page.waitForSelector("[data-testid=welcome] [data-sample]");
    await runSample(page, "worker-pool", "Worker pool");
    expect(await page.getAttribute("[data-testid=bottom-panels]", "data-folded")).toBe("true");
    expect(await page.getAttribute("[data-testid=side-panels]", "data-folded")).toBe("true");
    await page.click("[data-testid=side-panels] button[aria-label='Unfold the side panels']");
    await page.click("[data-testid=source-panel] button[aria-label='Unfold the bottom panels']");
    expect(await page.getAttribute("[data-testid=bottom-panels]", "data-folded")).toBe("false");
    expect(Number(await page.getAttribute("[data-testid=side-splitter]", "aria-valuenow"))).toBe(width + 60);
    expect(pageErrors(page)).toEqual([]);
  });

  it("fall back to the default sizes when what is stored is not a layout", async () => {
    const page = await openApp(LAPTOP);
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        "chanscope.layout",
        '{"v":1,"gutterWidth":"wide","bottomHeight":-5,"sideWidth":1e9}',
      ),
    );
    await page.reload();
    await page.waitForSelector("[data-testid=welcome] [data-sample]");
    await runSample(page, "deadlock-circular", "Deadlock: circular wait");
    expect(Number(await page.getAttribute("[data-testid=gutter-splitter]", "aria-valuenow"))).toBe(184);
    await expectAllLanesInView(page, LAPTOP, "after a bad stored layout");
    expect(pageErrors(page)).toEqual([]);
  });
});

describe("text cut to fit", () => {
  it("keeps a buffer slot's start, ends it with an ellipsis, and says it whole in its title", async () => {
    const page = await openApp(LAPTOP);
    await runSample(page, "fetch-with-timeout", "Fetch with timeout");
    const slot = page.locator('.buffer-slot.full[data-value*="slow.example: 200 OK"]').first();
    await slot.waitFor();
    expect(await slot.getAttribute("title")).toContain("slow.example: 200 OK");
    const cut = await slot.evaluate((el) => {
      const e = el as unknown as {
        firstChild: unknown;
        scrollWidth: number;
        clientWidth: number;
        getBoundingClientRect(): Box;
        ownerDocument: {
          createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void; getBoundingClientRect(): Box };
        };
      };
      const range = e.ownerDocument.createRange();
      range.setStart(e.firstChild, 0);
      range.setEnd(e.firstChild, 1);
      const style = (globalThis as unknown as { getComputedStyle(el: unknown): { textOverflow: string } }).getComputedStyle(el);
      return {
        overflows: e.scrollWidth > e.clientWidth,
        firstLetter: range.getBoundingClientRect().x,
        left: e.getBoundingClientRect().x,
        textOverflow: style.textOverflow,
      };
    });
    expect(cut.overflows).toBe(true);
    expect(cut.textOverflow).toBe("ellipsis");
    // The first letter is where the slot begins: nothing of the start is cut ("ow.example" was).
    expect(cut.firstLetter).toBeGreaterThanOrEqual(cut.left);
    expect(pageErrors(page)).toEqual([]);
  });

  it("says a lane's whole name in the timeline's tooltip when the gutter cuts it", async () => {
    const page = await openApp(LAPTOP);
    await runSample(page, "web-scraper", "Concurrent web scraper");
    // Narrow the gutter so that every name is cut.
    const gutter = page.locator("[data-testid=gutter-splitter]");
    await gutter.focus();
    await page.keyboard.press("Home");
    const canvas = await box(page, ".cs-timeline-interactive");
    // Lanes are comfortable here: the header row (22px), then G1, G2, G3 (24px each) under the overview and axis (64px).
    await page.mouse.move(canvas.x + 40, canvas.y + 64 + 22 + 2 * 24 + 12);
    const tip = page.locator(".cs-timeline-tooltip-title");
    await tip.waitFor();
    expect(await tip.textContent()).toBe("G3 fetch https://pkg.go.dev");
    await page.screenshot({ path: resolve(SCREENSHOTS, "layout-lane-name-tooltip.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("gives a cut event description and goroutine chip a title with the whole text", async () => {
    const page = await openApp(LAPTOP);
    await runSample(page, "web-scraper", "Concurrent web scraper");
    const desc = page.locator(".ev-row .ev-desc").filter({ hasText: "pkg.go.dev" }).first();
    expect(await desc.getAttribute("title")).toMatch(/^(send|receive) \{url: "https:\/\/pkg\.go\.dev", status: 200, ms: 300\}/);
    const chip = page.locator("[data-testid=goroutine-table] .g-chip[data-g='3']");
    expect(await chip.getAttribute("title")).toBe("G3 fetch https://pkg.go.dev");
    expect(pageErrors(page)).toEqual([]);
  });
});

// Sends as fast as the runtime goes: the run streams for a few seconds.
const STREAMING_PROGRAM = `import { chan, go } from "chanscope";

export default async function main() {
  const numbers = chan<number>(0, "numbers");
  go(async () => {
    for (let i = 0; i < 40000; i++) await numbers.send(i);
    numbers.close();
  }, "producer");
  for await (const n of numbers) void n;
}
`;

/** Counts, at every frame the page paints while the run is live, the event rows in the list's view (installed before the run starts). */
const FRAME_SAMPLER = `
  globalThis.rowsPerFrame = [];
  const tick = () => {
    const doc = globalThis.document;
    const view = doc.querySelector(".ev-scroller")?.getBoundingClientRect();
    if (view !== undefined && doc.querySelector(".trace-title[data-live=true]") !== null) {
      let n = 0;
      for (const r of doc.querySelectorAll(".ev-row")) {
        const b = r.getBoundingClientRect();
        if (b.bottom > view.top && b.top < view.bottom) n++;
      }
      globalThis.rowsPerFrame.push(n);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

describe("a run streaming in", () => {
  it("shows rows in the event list at every frame while the list follows the newest event", { timeout: 120_000 }, async () => {
    const page = await openApp(LAPTOP);
    const program = join(scratch, "stream.ts");
    writeFileSync(program, STREAMING_PROGRAM);
    await page.evaluate(FRAME_SAMPLER);
    await runProgramFile(page, program);
    await page.waitForSelector(".trace-title[data-live=true]", { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: resolve(SCREENSHOTS, "layout-event-list-streaming.png") });
    await page.waitForSelector(".app[data-run=ended]", { timeout: 60_000 });
    const frames = await page.evaluate(() => (globalThis as unknown as { rowsPerFrame: number[] }).rowsPerFrame);
    const blank = frames.filter((n) => n === 0).length;
    console.log(`${frames.length} frames painted while streaming, ${blank} with no event row in view`);
    expect(frames.length).toBeGreaterThan(10);
    expect(blank).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
