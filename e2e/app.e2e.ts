// The app as a person first meets it, in Chromium on the web host: the welcome
// view, every sample run end to end, and traces going to and from files.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../samples/catalog/catalog";
import { parseTrace, serializeTrace } from "../traces/format";
import { GO_1_19_TRACE } from "../traces/testing/foreignFiles";
import { syntheticTrace } from "../traces/testing/syntheticTrace";
import { buildModel } from "../traces/model";
import { dismissNotices, pageErrors, runProgramFile, SCREENSHOTS, useApp } from "./fixture";

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-e2e-"));

async function openApp(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.waitForSelector("[data-testid=welcome] [data-sample]");
  return page;
}

/** Runs a sample from the toolbar's menu and waits until its run has ended and is on screen. */
async function runSample(page: Page, id: string, title?: string): Promise<void> {
  await page.click("[data-testid=sample-menu-button]");
  await page.click(`.menu-list [data-sample="${id}"]`);
  if (title !== undefined) await page.waitForSelector(`[data-testid=trace-name]:text-is(${JSON.stringify(title)})`, { timeout: 30_000 });
  await waitForRunEnd(page);
}

async function waitForRunEnd(page: Page): Promise<void> {
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
}

/** "Timeline of 3 goroutines and 1 channel over 1,025 events" → the numbers. */
async function timelineCounts(page: Page): Promise<{ goroutines: number; channels: number; events: number }> {
  const label = (await page.getAttribute("[data-testid=timeline] canvas[role=img]", "aria-label")) ?? "";
  const m = /of ([\d,]+) goroutines? and ([\d,]+) channels? over ([\d,]+) events?/.exec(label.replace(/(\d),(\d)/g, "$1$2"));
  if (m === null) throw new Error(`unexpected timeline label: ${label}`);
  return { goroutines: Number(m[1]), channels: Number(m[2]), events: Number(m[3]) };
}

async function saveTrace(page: Page, file: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:has-text('Save')")]);
  const path = join(scratch, file);
  await download.saveAs(path);
  return path;
}

async function openTraceFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("button:has-text('Open trace…')")]);
  await chooser.setFiles(path);
}

describe("the app in Chromium", () => {
  it("welcomes with every sample: its title, pattern and what to look for", async () => {
    const page = await openApp();
    const cards = page.locator("[data-testid=welcome] .sample-card");
    expect(await cards.count()).toBe(SAMPLES.length);
    const circular = page.locator('.sample-card[data-sample="deadlock-circular"]');
    expect(await circular.textContent()).toContain("Deadlock: circular wait");
    expect(await circular.textContent()).toContain("two goroutines each wait to receive from the other");
    await page.screenshot({ path: resolve(SCREENSHOTS, "welcome.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("follows the system's dark theme", async () => {
    const page = await app.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(app.url);
    await page.click('.sample-card[data-sample="worker-pool"] .sample-open');
    await waitForRunEnd(page);
    expect(await page.getAttribute(".app", "data-theme")).toBe("dark");
    expect(await page.getAttribute("[data-testid=timeline]", "class")).toContain("cs-timeline-dark");
    await page.screenshot({ path: resolve(SCREENSHOTS, "worker-pool-dark.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("opens a run that took no time by event, and by time says why it is empty", { timeout: 60_000 }, async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        const page = await app.newPage();
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme });
        await page.goto(app.url);
        await page.click('.sample-card[data-sample="deadlock-circular"] .sample-open');
        await waitForRunEnd(page);
        await dismissNotices(page);
        const byEvent = page.locator("[role=radiogroup][aria-label='x axis'] [role=radio]:text-is('by event')");
        const byTime = page.locator("[role=radiogroup][aria-label='x axis'] [role=radio]:text-is('by time')");
        expect(await byEvent.getAttribute("aria-checked")).toBe("true");
        expect(await page.locator("[data-testid=timeline-note]").count()).toBe(0);
        expect(await byTime.getAttribute("title")).toContain("This run took 0ns of it, so every event sits at t = 0ns");
        const shot = `deadlock-circular-${size.width}x${size.height}-${colorScheme}`;
        await page.screenshot({ path: resolve(SCREENSHOTS, `${shot}-by-event.png`) });

        await byTime.click();
        const note = page.locator("[data-testid=timeline-note]");
        await note.waitFor();
        const events = (await timelineCounts(page)).events;
        expect(await note.textContent()).toBe(
          `This run took 0ns of virtual time: all ${events} events happened at t = 0ns. Switch to by event to see them in order.`,
        );
        await page.waitForTimeout(200);
        await page.screenshot({ path: resolve(SCREENSHOTS, `${shot}-by-time.png`) });
        expect(pageErrors(page)).toEqual([]);
        await page.close();
      }
    }
  });

  it("keeps by time for the next run that took time", async () => {
    const page = await openApp();
    await page.click('.sample-card[data-sample="deadlock-circular"] .sample-open');
    await waitForRunEnd(page);
    await page.click("[role=radiogroup][aria-label='x axis'] [role=radio]:text-is('by time')");
    await runSample(page, "worker-pool", "Worker pool");
    expect(await page.getAttribute("[role=radiogroup][aria-label='x axis'] [role=radio]:text-is('by time')", "aria-checked")).toBe("true");
    expect(await page.locator("[data-testid=timeline-note]").count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it("runs each sample and shows one lane per goroutine it spawned", { timeout: 120_000 }, async () => {
    const page = await openApp();
    for (const sample of SAMPLES) {
      await runSample(page, sample.id, sample.title);
      const counts = await timelineCounts(page);
      const rows = await page.locator("[data-testid=goroutine-table] tbody tr").count();
      expect(counts.goroutines, sample.id).toBe(rows);
      expect(counts.goroutines, sample.id).toBeGreaterThan(0);
      const banner = page.locator("[data-testid=end-banner]");
      const ending = (await banner.count()) === 0 ? "ok" : await banner.getAttribute("data-tone");
      expect(ending, sample.id).toBe(sample.ending);
      await page.screenshot({ path: resolve(SCREENSHOTS, `sample-${sample.id}.png`) });
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it("opens a trace file through the file input", async () => {
    const page = await openApp();
    await runSample(page, "unbuffered-handoff");
    const path = await saveTrace(page, "handoff.trace.jsonl");
    const fresh = await openApp();
    await openTraceFile(fresh, path);
    await fresh.waitForSelector("[data-testid=timeline]");
    expect(await fresh.textContent("[data-testid=trace-name]")).toBe("handoff.trace.jsonl");
    const parsed = parseTrace(readFileSync(path));
    expect((await timelineCounts(fresh)).events).toBe(parsed.events.length);
    expect(pageErrors(fresh)).toEqual([]);
  });

  it("says how far opening a big trace has got: reading the file, then building the timeline", async () => {
    const { header, events } = syntheticTrace(60_000);
    const path = join(scratch, "big.trace.jsonl");
    writeFileSync(path, serializeTrace(header, events));
    const page = await openApp();
    // Every text the status line shows, in order, however briefly.
    await page.evaluate(() => {
      // The page's DOM, typed here (the e2e files are type-checked without the DOM's types).
      const page = globalThis as unknown as {
        statusTexts: string[];
        document: { body: unknown; querySelector(selector: string): { textContent: string | null } | null };
        MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
      };
      const seen: string[] = [];
      page.statusTexts = seen;
      new page.MutationObserver(() => {
        const text = page.document.querySelector(".progress-strip .progress-text")?.textContent ?? "";
        if (text !== "" && seen.at(-1) !== text) seen.push(text);
      }).observe(page.document.body, { subtree: true, childList: true, characterData: true });
    });
    await openTraceFile(page, path);
    await page.waitForSelector("[data-testid=timeline]");
    expect((await timelineCounts(page)).events).toBe(events.length);
    const texts = await page.evaluate(() => (globalThis as unknown as { statusTexts: string[] }).statusTexts);
    // How many reading and building steps get painted depends on the machine; building always is, and comes last.
    const building = /^Building the timeline of big\.trace\.jsonl…( \d+%)?$/;
    expect(texts.every((t) => building.test(t) || /^Opening big\.trace\.jsonl… \d+%$/.test(t))).toBe(true);
    expect(texts.at(-1)).toMatch(building);
    expect(await page.locator(".progress-strip").count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it("cancels opening a big trace from the status line, and keeps what was open", async () => {
    const { header, events } = syntheticTrace(400_000);
    const path = join(scratch, "huge.trace.jsonl");
    writeFileSync(path, serializeTrace(header, events));
    const page = await openApp();
    await runSample(page, "buffered-channel");
    const before = await timelineCounts(page);
    // A fast machine reads the whole file before a click lands (Cancel goes once reading ends):
    // slow the page's CPU down while it reads, and press Cancel as soon as it shows, without
    // the many round trips of a full mouse click.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 8 });
    await openTraceFile(page, path);
    const cancel = page.locator(".progress-strip button:has-text('Cancel')");
    await cancel.waitFor();
    await cancel.dispatchEvent("click");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await page.locator(".progress-strip").waitFor({ state: "detached" });
    expect(await page.textContent("[data-testid=trace-name]")).toBe("Buffered channel (capacity 3)");
    expect(await timelineCounts(page)).toEqual(before);
    expect(await page.locator(".notice-error").count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it("asks before Run again runs the program a trace carries, and runs nothing on Cancel", async () => {
    const page = await openApp();
    await page.setViewportSize({ width: 1280, height: 720 });
    await runSample(page, "hello-goroutine");
    const lines = readFileSync(await saveTrace(page, "hello.trace.jsonl"), "utf8").split("\n");
    const header = JSON.parse(lines[0]!) as { program: { name: string; id?: string; source?: string } };
    header.program = {
      name: "mine",
      id: "/home/someone/mine.ts",
      source:
        'import { go } from "chanscope";\n\nexport default async function main(): Promise<void> {\n  go(async () => {}, "helper");\n}\n',
    };
    lines[0] = JSON.stringify(header);
    const path = join(scratch, "from-a-stranger.trace.jsonl");
    writeFileSync(path, lines.join("\n"));
    await openTraceFile(page, path);
    await page.waitForSelector("[data-testid=trace-name]:text-is('from-a-stranger.trace.jsonl')");
    await dismissNotices(page);

    await page.click("button:has-text('Run again')");
    const dialog = page.locator("[data-testid=program-preview]");
    await dialog.waitFor();
    expect(await dialog.locator("h2").textContent()).toBe("Run the program carried by from-a-stranger.trace.jsonl?");
    expect(await dialog.locator("[data-testid=program-preview-source]").textContent()).toContain('go(async () => {}, "helper");');
    // Cancel has the focus: Enter does not run it.
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent,
      ),
    ).toBe("Cancel");
    await page.screenshot({ path: resolve(SCREENSHOTS, "run-again-carried-program-1280x720.png") });
    await dialog.locator("button:has-text('Cancel')").click();
    await dialog.waitFor({ state: "detached" });
    expect(await page.getAttribute(".app", "data-run")).not.toMatch(/starting|running/);
    expect(await page.textContent("[data-testid=trace-name]")).toBe("from-a-stranger.trace.jsonl");

    await page.click("button:has-text('Run again')");
    await page.click("[data-testid=program-preview-run]");
    await waitForRunEnd(page);
    expect((await timelineCounts(page)).goroutines).toBe(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it("shows a dropped program with a Run button instead of running it", async () => {
    const page = await openApp();
    await page.evaluate((source) => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): { dispatchEvent(e: unknown): boolean } };
        DataTransfer: new () => { items: { add(f: unknown): void } };
        DragEvent: new (type: string, init: object) => unknown;
      };
      const data = new g.DataTransfer();
      data.items.add(new File([source], "dropped.ts"));
      g.document.querySelector(".app").dispatchEvent(new g.DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, 'import { go } from "chanscope";\nexport default async function main(): Promise<void> {\n  go(async () => {});\n}\n');
    const dialog = page.locator("[data-testid=program-preview]");
    await dialog.waitFor();
    expect(await dialog.locator("h2").textContent()).toBe("dropped.ts has not run");
    expect(await page.getAttribute(".app", "data-run")).toBe("idle");
    await page.click("[data-testid=program-preview-run]");
    await waitForRunEnd(page);
    expect((await timelineCounts(page)).goroutines).toBe(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it("shows a malformed file's error with its line, and keeps what was open", async () => {
    const page = await openApp();
    await runSample(page, "buffered-channel");
    const before = await timelineCounts(page);
    const good = readFileSync(await saveTrace(page, "good.trace.jsonl"), "utf8").split("\n");
    // Line 4 of the file is the third event: break it.
    good[3] = '{"seq":2,"t":0,"g":1,"kind":"send","ch":';
    good[4] = "this is not json";
    const bad = join(scratch, "broken.trace.jsonl");
    writeFileSync(bad, good.join("\n"));
    await openTraceFile(page, bad);
    const notice = page.locator(".notice-error");
    await notice.waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("broken.trace.jsonl");
    expect(await notice.locator("[data-testid=notice-where]").textContent()).toMatch(/^broken\.trace\.jsonl, line [45]$/);
    expect(await page.textContent("[data-testid=trace-name]")).toBe("Buffered channel (capacity 3)");
    expect(await timelineCounts(page)).toEqual(before);
    await page.screenshot({ path: resolve(SCREENSHOTS, "malformed-trace-error.png") });
  });

  it("says a Go execution trace is one, and what chanscope reads instead", async () => {
    const page = await openApp();
    const goTrace = join(scratch, "trace.out");
    writeFileSync(goTrace, GO_1_19_TRACE);
    await openTraceFile(page, goTrace);
    const notice = page.locator(".notice-error");
    await notice.waitFor();
    expect(await notice.locator("[data-testid=notice-where]").textContent()).toBe("trace.out, line 1");
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("Could not open trace.out");
    expect(text).toContain("this looks like a Go execution trace (Go 1.19 format, written by runtime/trace and read by `go tool trace`)");
    expect(text).toContain("chanscope reads its own trace files (.jsonl, one JSON event per line");
    expect(text).not.toContain("not valid JSON");
    expect(await page.locator("[data-testid=welcome]").count()).toBe(1);
    await page.screenshot({ path: resolve(SCREENSHOTS, "go-trace-opened.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("says which goroutines a program's early return cut off, and which never ran", async () => {
    const page = await openApp();
    const program = join(scratch, "early-return.ts");
    writeFileSync(
      program,
      [
        'import { chan, go } from "chanscope";',
        "",
        "export default async function main(): Promise<void> {",
        '  const results = chan<number>(0, "results");',
        "  go(async () => {",
        "    for (let i = 0; i < 3; i++) await results.send(i);",
        '  }, "producer");',
        "  await results.recv();",
        "  await results.recv(); // takes the producer's second value: it is runnable, with one more to send",
        '  go(() => console.log("never printed"), "logger"); // main returns before it runs',
        "}",
        "",
      ].join("\n"),
    );
    await runProgramFile(page, program);
    const banner = page.locator("[data-testid=end-banner]");
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute("data-tone")).toBe("unfinished");
    const text = (await banner.textContent()) ?? "";
    expect(text).toContain("Main returned early");
    expect(text).toContain("main returned while 2 goroutines had not finished");
    expect(text).toContain("started with go but never ran");
    expect(await banner.locator("li").count()).toBe(2);
    await page.screenshot({ path: resolve(SCREENSHOTS, "main-returned-early.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("shows where a program fails to load, and keeps what was open", async () => {
    const page = await openApp();
    await runSample(page, "deadlock-circular");
    const broken = join(scratch, "broken-program.ts");
    writeFileSync(
      broken,
      'import { go } from "chanscope";\n\nexport default async function main() {\n  go(async () => {\n    const x = ;\n  });\n}\n',
    );
    await runProgramFile(page, broken);
    const notice = page.locator(".notice-error");
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.locator("[data-testid=notice-where]").textContent()).toMatch(/broken-program\.ts, line 5/);
    expect(await page.textContent("[data-testid=trace-name]")).toBe("Deadlock: circular wait");
    await page.screenshot({ path: resolve(SCREENSHOTS, "program-load-error.png") });
  });

  it("stops a runaway program and keeps the events it recorded", async () => {
    const page = await openApp();
    const runaway = join(scratch, "runaway.ts");
    // Endless, but paced by real time (a millisecond's io per value): flat out, it would reach the
    // run's event limit (a million) within seconds and end by itself before Stop is pressed.
    writeFileSync(
      runaway,
      'import { chan, go, io } from "chanscope";\n\nexport default async function main() {\n  const c = chan<number>(1, "spin");\n  go(async () => {\n    for (let i = 0; ; i++) {\n      await io(new Promise((r) => setTimeout(r, 1)), "tick");\n      await c.send(i);\n    }\n  }, "producer");\n  for (;;) await c.recv();\n}\n',
    );
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("button:has-text('Run a program file…')")]);
    await chooser.setFiles(runaway);
    await page.waitForSelector(".trace-title[data-live=true]", { timeout: 30_000 });
    expect(await page.textContent("[data-testid=trace-name]")).toBe("runaway.ts");
    await page.click("button:has-text('Stop')");
    await waitForRunEnd(page);
    const notice = page.locator(".notice-warning");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("The run was stopped");
    expect((await timelineCounts(page)).events).toBeGreaterThan(10);
    await page.screenshot({ path: resolve(SCREENSHOTS, "runaway-stopped.png") });
  });

  it("saves a trace and reopens it as the same timeline", async () => {
    const page = await openApp();
    await runSample(page, "worker-pool");
    await dismissNotices(page);
    const ranCounts = await timelineCounts(page);
    const ranTimeline = await page.locator("[data-testid=timeline-host]").screenshot();
    const path = await saveTrace(page, "pool.trace.jsonl");
    const model = buildModel(parseTrace(readFileSync(path)).events);
    expect(ranCounts).toEqual({ goroutines: model.goroutines.length, channels: model.channels.length, events: model.length });

    await openTraceFile(page, path);
    await page.waitForSelector('[data-testid=trace-name]:text-is("pool.trace.jsonl")');
    expect(await timelineCounts(page)).toEqual(ranCounts);
    await dismissNotices(page);
    const reopened = await page.locator("[data-testid=timeline-host]").screenshot();
    await page.screenshot({ path: resolve(SCREENSHOTS, "worker-pool-reopened.png") });
    // Both timelines are kept, so a difference can be looked at pixel by pixel.
    writeFileSync(resolve(SCREENSHOTS, "worker-pool-timeline-ran.png"), ranTimeline);
    writeFileSync(resolve(SCREENSHOTS, "worker-pool-timeline-reopened.png"), reopened);
    expect(reopened.equals(ranTimeline)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
