// How a run ended, as a learner sees it in Chromium: one word per ending
// (premature-exit is "main returned early", not a leak), a missing await named
// with its line and left blocked on its lane, the WaitGroup of
// deadlock-circular held by the goroutines of the cycle, and mid-run waiters
// counted in neutral words.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageErrors, runProgramFile, useApp } from "./fixture";
import { shootEverySize } from "./screens";

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-e2e-endings-"));

async function openSample(id: string): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.click(`.sample-card[data-sample="${id}"] .sample-open`);
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
  return page;
}

const MISSING_AWAIT = [
  'import { chan, go, sleep } from "chanscope";',
  "",
  "export default async function main(): Promise<void> {",
  '  const done = chan<number>(0, "done");',
  "  go(async () => {",
  "    done.send(42); // the await is missing",
  '  }, "worker");',
  "  await sleep(10);",
  "}",
  "",
].join("\n");

describe("how a run ended, in one vocabulary", () => {
  it("calls goroutines cut off mid-sleep by main's return 'main returned early', not a leak", async () => {
    const page = await openSample("premature-exit");
    const banner = page.locator("[data-testid=end-banner]");
    expect(await banner.getAttribute("data-tone")).toBe("unfinished");
    const text = (await banner.textContent()) ?? "";
    expect(text).toContain("Main returned early");
    expect(text).toContain("main returned while 2 goroutines had not finished: the program ended under them.");
    expect(text).toContain("Main returned before its timer fired; a Go program ends when main returns");
    expect(text.toLowerCase()).not.toContain("leak");
    await shootEverySize(page, "ending-premature-exit");
    expect(pageErrors(page)).toEqual([]);
  });

  it("names a missing await: the goroutine, the operation left pending and its line; its lane stays blocked", async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=welcome] [data-sample]");
    const program = join(scratch, "missing-await.ts");
    writeFileSync(program, MISSING_AWAIT);
    await runProgramFile(page, program);
    const banner = page.locator("[data-testid=end-banner]");
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute("data-tone")).toBe("unawaited");
    const text = (await banner.textContent()) ?? "";
    expect(text).toContain("Missing await");
    expect(text).toContain("main returned while 1 goroutine was left on an operation never awaited: a missing await.");
    expect(text).toContain("waiting to send 42 to `done`");
    expect(text).toMatch(/the call at [^ ]*missing-await\.ts:6\)/);
    expect(await banner.locator("li[data-g='2']").count()).toBe(1);
    expect(await banner.locator("[data-testid=jump-to-block]").textContent()).toBe("Jump to G2's operation");
    // The lane and the inspector: still blocked on the send at the end, not exited.
    const row = page.locator("[data-testid=goroutine-table] tbody tr[data-g='2']");
    const state = (await row.textContent()) ?? "";
    expect(state).toContain("leaked");
    expect(state).not.toContain("exited");
    await shootEverySize(page, "ending-missing-await");
    expect(pageErrors(page)).toEqual([]);
  });

  it("says the goroutines of the wait cycle hold deadlock-circular's WaitGroup count, and links main to the cycle", async () => {
    const page = await openSample("deadlock-circular");
    const text = (await page.locator("[data-testid=end-banner]").textContent()) ?? "";
    expect(text).toContain(
      "Only Done calls can bring the counter to zero: G2 and G3 hold the count (they were started after Add and have not called Done), and their Done can never run: they are blocked in the wait cycle.",
    );
    expect(text).not.toContain("no other goroutine has called Add or Done");
    const edges = await page.$$eval(
      "[data-testid=wait-for-graph] [data-edge]",
      (els: readonly { getAttribute(n: string): string | null }[]) => els.map((e) => e.getAttribute("data-edge")),
    );
    expect(edges).toContain("g1>obj1");
    expect(edges).toEqual(expect.arrayContaining(["obj1>g2", "obj1>g3"]));
    await shootEverySize(page, "ending-deadlock-circular");
    expect(pageErrors(page)).toEqual([]);
  });

  it("counts mid-run waiters in neutral words, and says stuck only once the run is over", async () => {
    const page = await openSample("worker-pool");
    const count = page.locator("[data-testid=waiting-count]");
    // Step from the start until some goroutine waits.
    await page.locator("body").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("Home");
    for (let i = 0; i < 40 && (await count.count()) === 0; i++) await page.keyboard.press("ArrowRight");
    expect(await count.count()).toBe(1);
    expect(await count.textContent()).toMatch(/^\d+ waiting$/);
    expect(await count.getAttribute("class")).not.toContain("warn");
    expect(await count.getAttribute("title")).toMatch(/^G\d+: /);
    expect((await page.textContent("body")) ?? "").not.toContain("no known waker");
    expect(pageErrors(page)).toEqual([]);
  });
});
