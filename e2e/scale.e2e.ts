// A trace with tens of thousands of goroutines opens with a page the size of
// what is on screen: the side panels virtualize or cut their lists instead of
// putting a row, an option or a chip per goroutine into the page.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeTrace } from "../traces/format";
import { crowdedDeadlockTrace } from "../traces/testing/fixtureTraces";
import { SCREENSHOTS, pageErrors, useApp } from "./fixture";

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-scale-"));
const SENDERS = 20_000;

describe("a trace with 20,000 goroutines", () => {
  it("opens with its lists cut or virtualized to what is on screen", { timeout: 180_000 }, async () => {
    const path = join(scratch, "crowded.trace.jsonl");
    const { header, events } = crowdedDeadlockTrace(SENDERS);
    writeFileSync(path, serializeTrace(header, events));
    const page = await app.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=welcome] [data-sample]");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("button:has-text('Open trace…')")]);
    await chooser.setFiles(path);
    await page.waitForSelector("[data-testid=timeline]", { timeout: 120_000 });

    // A row, an option or a chip per goroutine would be hundreds of thousands of elements.
    const elements = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll("*").length,
    );
    expect(elements).toBeLessThan(10_000);

    const rows = page.locator("[data-testid=goroutine-table] tbody tr[data-g]");
    expect(await rows.count()).toBeLessThan(100);
    expect(await rows.first().getAttribute("data-g")).toBe("1");
    // Scrolled to its end, the table shows the last goroutines.
    await page.locator("[data-testid=goroutine-scroller]").evaluate((el) => {
      (el as unknown as { scrollTop: number; scrollHeight: number }).scrollTop = (el as unknown as { scrollHeight: number }).scrollHeight;
    });
    await page.waitForSelector(`[data-testid=goroutine-table] tr[data-g="${SENDERS + 1}"]`);

    // The channel's queue: a dozen chips, then how many more.
    const queue = page.locator("[data-channel-name=results] [data-testid=sendq]");
    expect(await queue.locator(".queue-item").count()).toBe(12);
    expect(await queue.locator(".and-more").textContent()).toBe(`and ${(SENDERS - 12).toLocaleString("en")} more`);

    // The event list's goroutine menu lists a thousand and says how many it leaves out.
    const options = page.locator("select[aria-label='Filter by goroutine'] option");
    expect(await options.count()).toBe(1002);
    expect(await options.last().textContent()).toBe(`… ${(SENDERS + 1 - 1000).toLocaleString("en")} more goroutines, not listed`);

    // The deadlock banner explains the first twenty and offers the rest.
    const banner = page.locator("[data-testid=end-banner]");
    expect(await banner.locator(".end-banner-items li").count()).toBe(20);
    await banner.locator("button.show-more").click();
    expect(await banner.locator(".end-banner-items li").count()).toBe(40);

    await page.screenshot({ path: resolve(SCREENSHOTS, "scale-20k-goroutines-1280x720.png") });
    expect(pageErrors(page)).toEqual([]);
  });
});
