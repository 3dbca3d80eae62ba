// The wait-for graph in Chromium: fan-out-fan-in mid-run, where a dozen
// goroutines and half a dozen channels share a small panel, drawn with no two
// labels on each other at two window sizes in both themes; and its zoom and
// pan — the buttons (and the keyboard on them), Ctrl+wheel about the pointer,
// a drag, Fit, and the zoom kept while the playhead moves.
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { eventIndex, type EventIndex } from "../traces/events";
import { SCREENSHOTS, pageErrors, useApp } from "./fixture";

// What the page callbacks read of an element; this project's Node types have no DOM.
interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}
interface PageElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  querySelector(selector: string): PageElement | null;
}

interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const app = useApp();
const CANVAS = "[data-testid=wait-for-graph] .graph-canvas";
/** Mid-run moments of fan-out-fan-in (228 events): workers sleeping and sending, outputs copying, main receiving. */
const MID_RUN = [60, 114, 150] as const;
/** The event list's row height (renderer/panels/EventList.tsx). */
const EVENT_ROW_HEIGHT = 22;

async function openFanOut(viewport: { width: number; height: number }, theme: "light" | "dark"): Promise<Page> {
  const page = await app.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(app.url);
  await page.click(`.sample-card[data-sample="fan-out-fan-in"] .sample-open`);
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
  expect(await page.getAttribute(".app", "data-theme")).toBe(theme);
  return page;
}

const playhead = async (page: Page): Promise<EventIndex> =>
  eventIndex(Number(await page.getAttribute("[data-testid=readout]", "data-playhead")));

/** Moves the playhead to event `index` as a person would: scrolls the event list to its row and clicks it. */
async function moveTo(page: Page, index: number): Promise<void> {
  const row = page.locator(`[data-testid=event-list] .ev-row[data-index="${index}"]`);
  await page.$eval(
    "[data-testid=event-list] .ev-scroller",
    (el: { scrollTop: number; clientHeight: number }, top: number) => {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    },
    index * EVENT_ROW_HEIGHT,
  );
  await row.click();
  expect(await playhead(page)).toBe(index);
  await settledGraph(page);
}

/** Waits until the graph's panel and transform stop changing: the panel grows to the tallest drawing the playhead has reached. */
async function settledGraph(page: Page): Promise<void> {
  let last = "";
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(50);
    const box = await page.locator(CANVAS).boundingBox();
    const now = `${await page.getAttribute(CANVAS, "data-transform")}@${box?.height}`;
    if (now === last) return;
    last = now;
  }
}

async function transformOf(page: Page): Promise<Transform> {
  const text = (await page.getAttribute(CANVAS, "data-transform")) ?? "";
  const m = /translate\((-?[\d.]+),(-?[\d.]+)\) scale\(([\d.]+)\)/.exec(text);
  if (m === null) throw new Error(`no transform on the graph: '${text}'`);
  return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
}

/** Every label's box on screen (nodes' and edges' label backgrounds), and any text that spills out of its box. */
async function labelsOnScreen(page: Page): Promise<{ boxes: { key: string; r: Rect }[]; spills: string[] }> {
  return page.$$eval(".wf-node, .wf-edge-label", (els: readonly PageElement[]) => {
    const boxes: { key: string; r: Rect }[] = [];
    const spills: string[] = [];
    for (const el of els) {
      const key = el.getAttribute("data-node") ?? `label ${el.getAttribute("data-edge-label")}`;
      const rect = el.querySelector("rect")?.getBoundingClientRect();
      const text = el.querySelector("text")?.getBoundingClientRect();
      if (rect === undefined || text === undefined) continue;
      boxes.push({ key, r: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom } });
      // Half a pixel of slack for anti-aliasing.
      if (text.left < rect.left - 0.5 || text.right > rect.right + 0.5) spills.push(key);
    }
    return { boxes, spills };
  });
}

function overlapping(boxes: readonly { key: string; r: Rect }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = (boxes[i] as { key: string; r: Rect }).r;
      const b = (boxes[j] as { key: string; r: Rect }).r;
      // Touching is not overlapping; half a pixel absorbs rounding.
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        found.push(`${boxes[i]?.key} / ${boxes[j]?.key}`);
    }
  }
  return found;
}

async function screenshotGraph(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  const panel = await page.locator("[data-testid=wait-for-graph]").boundingBox();
  if (panel !== null) await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-panel.png`), clip: panel });
}

describe("the wait-for graph in Chromium", () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    for (const theme of ["light", "dark"] as const) {
      it(`draws fan-out-fan-in mid-run with no two labels on each other (${width}×${height}, ${theme})`, async () => {
        const page = await openFanOut({ width, height }, theme);
        for (const at of MID_RUN) {
          await moveTo(page, at);
          const nodes = Number(await page.getAttribute("[data-testid=wait-for-graph]", "data-nodes"));
          expect(nodes, `event ${at}`).toBeGreaterThanOrEqual(5);
          const { boxes, spills } = await labelsOnScreen(page);
          expect(boxes.length).toBeGreaterThanOrEqual(nodes);
          expect(overlapping(boxes), `event ${at}`).toEqual([]);
          expect(spills, `event ${at}: text wider than its box`).toEqual([]);
          // Fitted when first shown, and never smaller than readable.
          expect((await transformOf(page)).k).toBeGreaterThanOrEqual(0.75);
          if (at === 150) await screenshotGraph(page, `wait-for-graph-fan-out-${width}x${height}-${theme}`);
        }
        expect(pageErrors(page)).toEqual([]);
      });
    }
  }

  it("zooms in with its button (and the keyboard), keeps the zoom while the playhead moves, and Fit resets it", async () => {
    const page = await openFanOut({ width: 1280, height: 720 }, "light");
    // The fit of 115's drawing, for Fit at the end (each drawing has its own fit; the panel keeps the tallest one's height).
    await moveTo(page, 115);
    const fittedAt115 = await transformOf(page);
    await moveTo(page, 114);
    const fitted = await transformOf(page);
    expect(await page.getAttribute(CANVAS, "data-fitted")).toBe("true");

    await page.click("[data-testid=graph-zoom-in]");
    const zoomed = await transformOf(page);
    expect(zoomed.k).toBeCloseTo(fitted.k * 1.25, 2);
    expect(await page.getAttribute(CANVAS, "data-fitted")).toBe("false");
    expect(await page.textContent("[data-testid=graph-zoom-level]")).toBe(`${Math.round(zoomed.k * 100)}%`);

    // From the keyboard: the button takes the focus with Tab order, Enter presses it.
    await page.focus("[data-testid=graph-zoom-in]");
    await page.keyboard.press("Enter");
    const twice = await transformOf(page);
    expect(twice.k).toBeCloseTo(zoomed.k * 1.25, 2);

    // One step of the playhead changes a node or two: the person's zoom stays.
    await page.keyboard.press("ArrowRight");
    expect(await playhead(page)).toBe(115);
    expect((await transformOf(page)).k).toBe(twice.k);
    await screenshotGraph(page, "wait-for-graph-zoomed");

    await page.click("[data-testid=graph-fit]");
    expect(await page.getAttribute(CANVAS, "data-fitted")).toBe("true");
    const refit = await transformOf(page);
    expect(refit.k).toBeCloseTo(fittedAt115.k, 2);
    expect(Math.abs(refit.x - fittedAt115.x) + Math.abs(refit.y - fittedAt115.y)).toBeLessThan(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it("zooms about the pointer with Ctrl+wheel and pans with a drag", async () => {
    const page = await openFanOut({ width: 1920, height: 1080 }, "light");
    await moveTo(page, 150);
    const canvas = await page.locator(CANVAS).boundingBox();
    if (canvas === null) throw new Error("no graph canvas");
    const at = { x: canvas.x + canvas.width * 0.4, y: canvas.y + canvas.height * 0.4 };
    const before = await transformOf(page);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -300);
    await page.keyboard.up("Control");
    await expect.poll(async () => (await transformOf(page)).k).toBeGreaterThan(before.k * 1.5);
    const after = await transformOf(page);
    // The drawing's point under the pointer is still under it.
    const px = at.x - canvas.x;
    const py = at.y - canvas.y;
    expect((px - after.x) / after.k).toBeCloseTo((px - before.x) / before.k, 0);
    expect((py - after.y) / after.k).toBeCloseTo((py - before.y) / before.k, 0);

    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x - 30, at.y - 20, { steps: 4 });
    await page.mouse.up();
    const dragged = await transformOf(page);
    expect(dragged.k).toBe(after.k);
    expect(dragged.x).toBeCloseTo(after.x - 30, 0);
    expect(dragged.y).toBeCloseTo(after.y - 20, 0);
    // The drag selected nothing: a press that moves is a pan, not a click.
    expect(await page.locator(".wf-node.selected").count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
