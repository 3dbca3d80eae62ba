// Sentences a learner believes, checked where a learner reads them: the
// banner of leak-timeout and deadlock-range-without-close, the line of a
// thrown error, the inspector's "since" at a deadlock, and the seed field's
// refusals (issue 19, "Explanations that are right" and "Smaller").
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageErrors, runProgramFile, useApp } from "./fixture";
import { shootEverySize } from "./screens";

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-e2e-explanations-"));

async function openSample(id: string): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.click(`.sample-card[data-sample="${id}"] .sample-open`);
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
  return page;
}

const bannerText = async (page: Page): Promise<string> => (await page.locator("[data-testid=end-banner]").textContent()) ?? "";

const UNDEFINED_PROPERTY = [
  'import { chan, go } from "chanscope";',
  "",
  "interface Job { readonly id: number }",
  "",
  "export default async function main(): Promise<void> {",
  '  const jobs = chan<Job | undefined>(1, "jobs");',
  "  await jobs.send(undefined);",
  "  const id = (await jobs.recv())!.id; // reads a property of undefined",
  "  go(() => jobs.send({ id }));",
  "}",
  "",
].join("\n");

describe("explanations that are right", () => {
  it("leak-timeout counts main, whose select waited on `result`, as a user of it", async () => {
    const page = await openSample("leak-timeout");
    const text = await bannerText(page);
    expect(text).toContain("Goroutine leak");
    expect(text).toContain("Its other user G1 has exited.");
    expect(text).not.toContain("no other goroutine has used it");
    await shootEverySize(page, "explain-leak-timeout");
    expect(pageErrors(page)).toEqual([]);
  });

  it("deadlock-range-without-close says nobody closed the channel, which is the lesson", async () => {
    const page = await openSample("deadlock-range-without-close");
    expect(await bannerText(page)).toContain("and nobody closed it: a range over a channel ends only when the channel is closed");
    await shootEverySize(page, "explain-range-without-close");
    expect(pageErrors(page)).toEqual([]);
  });

  it("locates a thrown error at the line that threw it, in the banner and the panic event", async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await page.waitForSelector("[data-testid=welcome] [data-sample]");
    const program = join(scratch, "undefined-property.ts");
    writeFileSync(program, UNDEFINED_PROPERTY);
    await runProgramFile(page, program);
    await page.locator("[data-testid=end-banner]").waitFor({ timeout: 30_000 });
    const text = await bannerText(page);
    expect(text).toContain("Panic");
    expect(text).toMatch(/panicked at [^ ]*undefined-property\.ts:8/);
    expect(text).not.toMatch(/undefined-property\.ts:7\b/);
    await shootEverySize(page, "explain-thrown-error-line");
    expect(pageErrors(page)).toEqual([]);
  });

  it("keeps saying since when each goroutine blocked at the deadlock event", async () => {
    const page = await openSample("deadlock-circular");
    // The playhead sits on the last event (the end, after the deadlock).
    const since = await page.$$eval("[data-testid=goroutine-table] tbody tr", (rows: readonly { textContent: string | null }[]) =>
      rows.map((r) => /#\d+\s*$/.exec((r.textContent ?? "").trim())?.[0]),
    );
    expect(since).toEqual(["#8", "#20", "#22"]);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe("the seed field", () => {
  it("says why it refuses -3 and 1.5, never reads empty as 0, and will not run again with a bad seed", async () => {
    const page = await openSample("worker-pool");
    // The seed and schedule sit behind one compact toolbar button ("seed 1 · fifo").
    await page.click("[data-testid=run-options]");
    const seed = page.locator("input[aria-label=Seed]");
    const runAgain = page.locator("button:has-text('Run again')");
    for (const bad of ["-3", "1.5", ""]) {
      await seed.fill(bad);
      const problem = page.locator("#seed-problem");
      expect(await problem.count(), bad).toBe(1);
      expect(((await problem.textContent()) ?? "").length, bad).toBeGreaterThan(10);
      expect(await seed.getAttribute("aria-invalid"), bad).toBe("true");
      expect(await runAgain.isDisabled(), bad).toBe(true);
    }
    await shootEverySize(page, "seed-refused");
    await seed.fill("7");
    expect(await page.locator("#seed-problem").count()).toBe(0);
    expect(await runAgain.isDisabled()).toBe(false);
    expect(await page.locator("[data-testid=run-options]").textContent()).toContain("seed 7 · fifo");
    expect(pageErrors(page)).toEqual([]);
  });
});
