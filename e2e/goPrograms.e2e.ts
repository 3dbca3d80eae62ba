// Go programs in the browser twin, end to end: a sample's Go original run from
// the welcome page, its Go lines in the source panel with the line of the
// event at the playhead highlighted, the TypeScript version beside it; and a
// .go file of the user's that does not compile, shown at its line with Go's
// FILE:LINE:COL: message.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CurrentSession, HostApi } from "../main/contract/hostApi";
import { SAMPLES } from "../samples/catalog/catalog";
import { dismissNotices, pageErrors, runProgramFile, SCREENSHOTS, useApp } from "./fixture";
import { shootEverySize } from "./screens";

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-go-e2e-"));
/** Ping and pong: goroutines handing a ball over unbuffered channels. */
const SAMPLE = "unbuffered-handoff";
const GO_FILE = `samples/go/${SAMPLE}.go`;
const goLines = readFileSync(resolve(import.meta.dirname, "..", GO_FILE), "utf8").split("\n");

async function openApp(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.waitForSelector("[data-testid=welcome] [data-sample]");
  return page;
}

/** The run the host holds: its events, with their locations. */
function currentSession(page: Page): Promise<CurrentSession | undefined> {
  return page.evaluate(() => (globalThis as unknown as { chanscope: HostApi }).chanscope.currentSession());
}

/** Moves the playhead to event `index` with the keyboard, as a person stepping would. */
async function stepTo(page: Page, index: number): Promise<void> {
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Home");
  for (let i = -1; i < index; i++) await page.keyboard.press("ArrowRight");
  expect(await page.getAttribute("[data-testid=readout]", "data-playhead")).toBe(String(index));
}

describe("Go programs in Chromium", () => {
  it("runs a sample's Go original from the welcome page and highlights the Go line of the event at the playhead", async () => {
    const page = await openApp();
    const title = SAMPLES.find((s) => s.id === SAMPLE)?.title;
    await page.click(`[data-testid=welcome] [data-sample="${SAMPLE}"] button:has-text('Run the Go original')`);
    await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
    expect(await page.textContent("[data-testid=trace-name]")).toBe(`${title} (Go)`);

    const session = await currentSession(page);
    if (session?.kind !== "run") throw new Error("no run held");
    expect(session.ended?.outcome).toBe("ok");
    // Every located event points into the Go file; step to the first send.
    const located = session.events.filter((e) => e.loc !== undefined);
    expect(located.length).toBeGreaterThan(0);
    for (const e of located) expect(e.loc).toMatch(new RegExp(`^${GO_FILE}:\\d+`));
    const lineOf = (loc: string | undefined): number => Number(/\.go:(\d+)/.exec(loc ?? "")?.[1]);
    const onChannel = located.find((e) => e.kind === "send");
    if (onChannel === undefined) throw new Error("no located send");
    const line = lineOf(onChannel.loc);
    await stepTo(page, onChannel.seq);

    const source = page.locator("[data-testid=source]");
    expect(await source.getAttribute("data-language")).toBe("Go");
    expect(await source.getAttribute("data-highlight")).toBe(String(line));
    const current = page.locator("[data-testid=source] .src-line.current");
    expect(await current.getAttribute("data-line")).toBe(String(line));
    expect(await current.locator(".src-text").textContent()).toBe(goLines[line - 1]);
    expect(goLines[line - 1]).toContain("<-");
    expect(await page.textContent("[data-testid=source-panel] .source-file")).toBe(GO_FILE);
    const tabs = page.locator("[data-testid=source-tab]");
    expect(await tabs.allTextContents()).toEqual(["Goran", "TypeScript"]);
    await dismissNotices(page);
    await shootEverySize(page, "go-sample-source");

    // The TypeScript version, to read beside it: no line of it is the playhead's.
    await page.click("[data-testid=source-tab][data-language=TypeScript]");
    expect(await source.getAttribute("data-language")).toBe("TypeScript");
    expect(await source.getAttribute("data-highlight")).toBe("");
    expect(await page.textContent("[data-testid=source-note]")).toContain("the Go version ran");
    expect(await page.locator("[data-testid=source] .src-line.current").count()).toBe(0);
    await page.screenshot({ path: resolve(SCREENSHOTS, "go-sample-typescript-tab.png") });
    await page.click("[data-testid=source-tab][data-language=Go]");
    expect(await source.getAttribute("data-highlight")).toBe(String(line));
    expect(pageErrors(page)).toEqual([]);
  });

  it("shows a .go file that does not compile at its line, with Go's file:line:col message", async () => {
    const page = await openApp();
    const broken = join(scratch, "broken.go");
    writeFileSync(broken, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tcount := 1\n\tfmt.Println("hello")\n}\n');
    await runProgramFile(page, broken);
    const notice = page.locator(".notice-error");
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.locator(".notice-title").textContent()).toBe("The Go program does not compile, so it did not run");
    expect(await notice.locator("[data-testid=notice-where]").textContent()).toBe("broken.go, line 6, column 2");
    expect(await notice.textContent()).toMatch(/count/);
    const dialog = page.locator("[data-testid=program-preview]");
    await dialog.waitFor();
    expect(await dialog.locator("h2").textContent()).toBe("broken.go did not run");
    expect(await dialog.locator("[data-testid=program-problem]").textContent()).toMatch(/^broken\.go:6:2: .*count/);
    const marked = dialog.locator(".src-line.problem");
    expect(await marked.getAttribute("data-line")).toBe("6");
    expect(await marked.locator(".src-text").textContent()).toBe("\tcount := 1");
    // The welcome page is still there behind it: nothing ran.
    expect(await page.locator("[data-testid=welcome]").count()).toBe(1);
    await shootEverySize(page, "go-compile-error");
    expect(pageErrors(page)).toEqual([]);
  });
});
