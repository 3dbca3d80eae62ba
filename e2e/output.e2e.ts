// What a program prints, in Chromium: its lines in the Output tab beside the
// goroutine that printed each and when, a click moving the playhead there, the
// timeline's mark on the printing goroutine's lane, and the panel at two
// window sizes in both themes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageErrors, runProgramFile, SCREENSHOTS, useApp } from "./fixture";

// The timeline's geometry (renderer/timeline/geometry.ts): gutter, overview and axis, section header, lane.
const GUTTER = 184;
const SCROLLBAR = 12;
const TOP = 30 + 34;
const HEADER = 22;
const LANE = 24;
/** The mark of a printed line sits this far above its lane's middle (OUTPUT_MARK_RISE). */
const MARK_RISE = 9;

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-e2e-output-"));

// Three workers report from their own goroutines, one of them to stderr; main prints before and after.
const REPORTING = `import { chan, go, sleep, WaitGroup } from "chanscope";

export default async function main(): Promise<void> {
  const results = chan<string>(3, "results");
  const wg = new WaitGroup("workers");
  console.log("starting %d workers", 3);
  for (const [i, name] of ["Ada", "Grace", "Linus"].entries()) {
    wg.add(1);
    go(async () => {
      await sleep(10 * (i + 1));
      if (name === "Linus") console.error(\`\${name}: disk almost full\`);
      else console.log(\`\${name}: done\`, { took: 10 * (i + 1) });
      await results.send(name);
      wg.done();
    }, \`worker \${name}\`);
  }
  await wg.wait();
  results.close();
  for await (const r of results) console.log("result:", r);
}
`;

async function runReporting(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.waitForSelector("[data-testid=welcome] [data-sample]");
  const program = join(scratch, "reporting.ts");
  writeFileSync(program, REPORTING);
  await runProgramFile(page, program);
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
}

// What the page callbacks read of an element; this project's Node types have no DOM.
interface PageElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): { readonly textContent: string | null } | null;
  readonly classList: { contains(name: string): boolean };
}

interface OutputRow {
  readonly index: number;
  readonly stream: string | null;
  readonly time: string;
  readonly g: string;
  readonly line: string;
  readonly text: string;
  readonly current: boolean;
}

/** Each row of the Output panel: event, stream, time, goroutine, line, text, whether the playhead has reached it last. */
function outputRows(page: Page): Promise<OutputRow[]> {
  return page.$$eval("[data-testid=output-panel] .out-row", (rows: readonly PageElement[]) =>
    rows.map((r) => ({
      index: Number(r.getAttribute("data-index")),
      stream: r.getAttribute("data-stream"),
      time: r.querySelector(".out-time")?.textContent ?? "",
      g: r.querySelector(".out-g")?.textContent ?? "",
      line: r.querySelector(".out-line")?.textContent ?? "",
      text: r.querySelector(".out-text")?.textContent ?? "",
      current: r.classList.contains("at-playhead"),
    })),
  );
}

/** The page's errors, but for the line the program itself printed to stderr (the worker's console shows it as an error). */
const errorsBesidesStderr = (page: Page): readonly string[] => pageErrors(page).filter((e) => e !== "Linus: disk almost full");

const playhead = async (page: Page): Promise<number> => Number(await page.getAttribute("[data-testid=readout]", "data-playhead"));

/** Where the mark of event `index` on lane `row` is, with the whole trace in view (sequence axis). */
async function markAt(page: Page, index: number, row: number): Promise<{ x: number; y: number }> {
  const box = await page.locator("[data-testid=timeline] canvas").first().boundingBox();
  if (box === null) throw new Error("no timeline canvas");
  const events = Number(await page.getAttribute("[data-testid=readout]", "data-events"));
  const x = box.x + GUTTER + (index / events) * (box.width - GUTTER - SCROLLBAR);
  return { x, y: box.y + TOP + HEADER + row * LANE + LANE / 2 - MARK_RISE };
}

describe("a program's output in Chromium", () => {
  it("lists each printed line beside its goroutine and time; a click moves the playhead there", async () => {
    const page = await app.newPage();
    await runReporting(page);
    expect(await page.textContent("[data-testid=output-count]")).toBe("7");
    await page.click("[data-testid=output-tab]");
    const rows = await outputRows(page);
    expect(rows.map((r) => [r.g, r.time, r.stream, r.text])).toEqual([
      ["G1 main", "0ns", "stdout", "starting 3 workers"],
      ["G2 worker Ada", "10ms", "stdout", "Ada: done { took: 10 }"],
      ["G3 worker Grace", "20ms", "stdout", "Grace: done { took: 20 }"],
      ["G4 worker Linus", "30ms", "stderr", "Linus: disk almost full"],
      ["G1 main", "30ms", "stdout", "result: Ada"],
      ["G1 main", "30ms", "stdout", "result: Grace"],
      ["G1 main", "30ms", "stdout", "result: Linus"],
    ]);
    expect(rows.map((r) => r.line)).toEqual(["6", "12", "12", "11", "19", "19", "19"]);

    // The run ended after the last line: the playhead is there, and that line is the current one.
    expect(rows.findIndex((r) => r.current)).toBe(6);
    const before = await page.textContent("[data-testid=readout]");
    await page.click(`[data-testid=output-panel] .out-row[data-index="${rows[2]!.index}"]`);
    expect(await playhead(page)).toBe(rows[2]!.index);
    expect(await page.textContent("[data-testid=readout]")).not.toBe(before);
    const after = await outputRows(page);
    expect(after.findIndex((r) => r.current)).toBe(2);
    expect(await page.getAttribute(`.out-row[data-index="${rows[2]!.index}"]`, "aria-selected")).toBe("true");
    // The run ends with nobody waiting, but here main waits on the WaitGroup: the graph panel grows to show its drawing whole.
    await page.waitForTimeout(300);
    expect(Number(await page.getAttribute("[data-testid=wait-for-graph]", "data-nodes"))).toBeGreaterThan(1);
    expect(await page.locator("[data-testid=wait-for-graph] .graph-more").count()).toBe(0);
    expect(errorsBesidesStderr(page)).toEqual([]);
  });

  it("marks where each line was printed on its goroutine's lane, and the legend says what the mark is", async () => {
    const page = await app.newPage();
    await runReporting(page);
    expect(await page.textContent("[data-testid=legend-output]")).toContain("printed a line");
    await page.click("[data-testid=output-tab]");
    const rows = await outputRows(page);
    // Ada's line: worker Ada is the second lane.
    const ada = rows[1]!;
    const p = await markAt(page, ada.index, 1);
    await page.mouse.move(p.x, p.y);
    const tip = page.locator(".cs-timeline-tooltip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('G2 worker Ada — printed "Ada: done { took: 10 }"');
    expect(errorsBesidesStderr(page)).toEqual([]);
  });

  it.each([
    [1280, 720, "light"],
    [1280, 720, "dark"],
    [1920, 1080, "light"],
    [1920, 1080, "dark"],
  ] as const)("shows the Output tab at %ix%i in the %s theme", async (width, height, theme) => {
    const page = await app.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: theme });
    await runReporting(page);
    await page.click("[data-testid=output-tab]");
    const rows = await outputRows(page);
    // Grace's line: the playhead there, Linus's stderr line and its mark still to come.
    await page.click(`[data-testid=output-panel] .out-row[data-index="${rows[2]!.index}"]`);
    await page.waitForSelector(`.out-row.at-playhead[data-index="${rows[2]!.index}"]`);
    await page.screenshot({ path: resolve(SCREENSHOTS, `output-${width}x${height}-${theme}.png`) });
    expect(await page.getAttribute(".app", "data-theme")).toBe(theme);
    expect(errorsBesidesStderr(page)).toEqual([]);
  });
});
