// What a person reads, in Chromium: the welcome page's cards line their titles
// up, a closed channel says so in words the legend explains, and text on the
// states' colours reads at 4.5:1 in the dark theme too. Screenshots of the
// welcome page and of the circular deadlock at two window sizes in both
// themes (artifacts/screenshots/readability-*.png).
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrastRatio, MIN_TEXT_CONTRAST } from "../renderer/theme/contrast";
import { SCREENSHOTS, pageErrors, useApp } from "./fixture";

// What the page callbacks read of the page; this project's Node types have no DOM.
interface PageElement {
  getBoundingClientRect(): { readonly top: number; readonly left: number; readonly bottom: number };
  querySelector(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  getComputedStyle(el: PageElement): { readonly color: string; readonly backgroundColor: string };
  __drawnTexts: string[];
}

const app = useApp();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ["light", "dark"] as const;

async function openApp(theme: "light" | "dark", size: { readonly width: number; readonly height: number }): Promise<Page> {
  const page = await app.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: theme });
  // Every text the canvases draw, so a test can read the timeline's words.
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals & {
      CanvasRenderingContext2D: { prototype: { fillText: (this: unknown, text: string, x: number, y: number) => void } };
    };
    g.__drawnTexts = [];
    const proto = g.CanvasRenderingContext2D.prototype;
    const fillText = proto.fillText;
    proto.fillText = function (this: unknown, text: string, x: number, y: number) {
      g.__drawnTexts.push(String(text));
      return fillText.call(this, text, x, y);
    };
  });
  await page.goto(app.url);
  await page.waitForSelector("[data-testid=welcome] [data-sample]");
  return page;
}

async function openSample(page: Page, id: string): Promise<void> {
  await page.click(`.sample-card[data-sample="${id}"] .sample-open`);
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
  // Let the deferred summaries land and the canvases repaint.
  await page.waitForTimeout(300);
}

/** The text and background colours the browser computed for the first element matching `selector`. */
async function computedColors(page: Page, selector: string): Promise<{ color: string; background: string }> {
  return page.$eval(selector, (el: PageElement) => {
    const style = (globalThis as unknown as PageGlobals).getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor };
  });
}

const drawnTexts = (page: Page): Promise<string[]> => page.evaluate(() => (globalThis as unknown as PageGlobals).__drawnTexts);

describe("what a person reads", () => {
  it("the sample cards of a row put their titles at the same height, at both sizes in both themes", async () => {
    for (const theme of THEMES) {
      for (const size of SIZES) {
        const page = await openApp(theme, size);
        const cards = await page.$$eval(".sample-card", (els: readonly PageElement[]) =>
          els.map((el) => ({
            id: el.getAttribute("data-sample"),
            card: el.getBoundingClientRect().top,
            title: el.querySelector(".sample-title")?.getBoundingClientRect().top ?? Number.NaN,
          })),
        );
        expect(cards.length).toBeGreaterThan(4);
        const rows = new Map<number, number[]>();
        for (const c of cards) rows.set(Math.round(c.card), [...(rows.get(Math.round(c.card)) ?? []), c.title]);
        // At least one row holds several cards, or the check says nothing.
        expect(Math.max(...[...rows.values()].map((r) => r.length))).toBeGreaterThan(1);
        for (const [top, titles] of rows) expect(Math.max(...titles) - Math.min(...titles), `row at ${top}`).toBeLessThan(0.5);
        // And every title sits the same distance below its card's top edge, deadlock tag or not.
        const offsets = new Set(cards.map((c) => Math.round((c.title - c.card) * 2) / 2));
        expect([...offsets]).toHaveLength(1);
        await page.screenshot({ path: resolve(SCREENSHOTS, `readability-welcome-${theme}-${size.width}x${size.height}.png`) });
        expect(pageErrors(page)).toEqual([]);
        await page.close();
      }
    }
  });

  it("a closed channel says 'closed' in the gutter, never a cross, and the legend says what it means", async () => {
    const page = await openApp("light", SIZES[0]);
    await openSample(page, "producer-consumer");
    await page.keyboard.press("End");
    await page.waitForTimeout(200);
    const texts = await drawnTexts(page);
    expect(texts).toContain("closed");
    expect(texts.filter((t) => /[✕×✖]/.test(t))).toEqual([]);
    const legend = page.locator("[data-legend=closed]");
    expect(await legend.count()).toBe(1);
    expect(await legend.textContent()).toBe("closed channel: lane hatched, “closed” in the gutter");
    await page.screenshot({ path: resolve(SCREENSHOTS, "readability-closed-channel.png") });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("in the dark theme the deadlocked badge and the banner's tone read at 4.5:1", async () => {
    const page = await openApp("dark", SIZES[0]);
    await openSample(page, "deadlock-circular");
    expect(await page.getAttribute(".app", "data-theme")).toBe("dark");
    const badge = await computedColors(page, ".state-badge[data-state=deadlocked]");
    expect(contrastRatio(badge.color, badge.background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    const tone = await computedColors(page, ".end-banner-tone");
    expect(contrastRatio(tone.color, tone.background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("shows the circular deadlock at both sizes in both themes", async () => {
    for (const theme of THEMES) {
      for (const size of SIZES) {
        const page = await openApp(theme, size);
        await openSample(page, "deadlock-circular");
        await page.screenshot({ path: resolve(SCREENSHOTS, `readability-deadlock-circular-${theme}-${size.width}x${size.height}.png`) });
        expect(pageErrors(page)).toEqual([]);
        await page.close();
      }
    }
  });
});
