// Debugging with chanscope in Chromium: the deadlock explained, stepping and
// scrubbing with the inspector following, the buffer as the model says, the
// event list and its filters, playback.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { eventIndex, type EventIndex } from "../traces/events";
import { parseTrace } from "../traces/format";
import { buildModel, type TraceModel } from "../traces/model";
import { SCREENSHOTS, pageErrors, useApp } from "./fixture";

// What the page callbacks read of an element; this project's Node types have no DOM.
interface PageElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

const app = useApp();
const scratch = mkdtempSync(join(tmpdir(), "chanscope-e2e-"));

async function openSample(id: string): Promise<Page> {
  const page = await app.newPage();
  await page.goto(app.url);
  await page.click(`.sample-card[data-sample="${id}"] .sample-open`);
  await page.waitForSelector(".app[data-run=ended] .trace-title[data-live=false]", { timeout: 30_000 });
  return page;
}

/** The run's trace as the host saved it, and its model: what the views must agree with. */
async function savedModel(page: Page, name: string): Promise<TraceModel> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:has-text('Save')")]);
  const path = join(scratch, name);
  await download.saveAs(path);
  const parsed = parseTrace(readFileSync(path));
  return buildModel(parsed.events, parsed.header);
}

const playhead = async (page: Page): Promise<EventIndex> =>
  eventIndex(Number(await page.getAttribute("[data-testid=readout]", "data-playhead")));
const inspectorText = async (page: Page): Promise<string> => (await page.textContent("[data-testid=inspector]")) ?? "";

/** Moves the playhead to event `index` with the keyboard, as a person stepping would. */
async function stepTo(page: Page, index: number): Promise<void> {
  await page
    .locator("body")
    .click({ position: { x: 2, y: 2 } })
    .catch(() => undefined);
  await page.keyboard.press("Home");
  for (let i = -1; i < index; i++) await page.keyboard.press("ArrowRight");
  expect(await playhead(page)).toBe(index);
}

describe("debugging in Chromium", () => {
  it("explains the circular deadlock: both goroutines, both channels, the cycle in the graph", async () => {
    const page = await openSample("deadlock-circular");
    const banner = page.locator("[data-testid=end-banner]");
    expect(await banner.getAttribute("data-tone")).toBe("deadlock");
    expect(await page.textContent("[data-testid=end-headline]")).toBe("fatal error: all goroutines are asleep - deadlock!");
    const text = (await banner.textContent()) ?? "";
    for (const who of ["G2 alice", "G3 bob"]) expect(text).toContain(who);
    expect(text).toContain("waiting to receive from `a`");
    expect(text).toContain("waiting to receive from `b`");
    expect(await page.textContent("[data-testid=end-cycle]")).toMatch(
      /G2, waiting to receive from `a`, waits for G3; G3, waiting to receive from `b`, waits for G2/,
    );

    const graph = page.locator("[data-testid=wait-for-graph]");
    expect(await graph.getAttribute("data-cycles")).toBe("1");
    const ring = await page.$$eval(".wf-node.in-cycle", (nodes: readonly PageElement[]) =>
      nodes.map((n) => n.getAttribute("data-label")).sort(),
    );
    expect(ring).toEqual(["G2 alice", "G3 bob", "chan a", "chan b"]);
    expect(await page.locator(".wf-edge.in-cycle").count()).toBe(4);
    await page.screenshot({ path: resolve(SCREENSHOTS, "deadlock-circular.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("jumps to a stuck goroutine's last block from the banner", async () => {
    const page = await openSample("deadlock-circular");
    const model = await savedModel(page, "circular.trace.jsonl");
    await page.click("[data-testid=end-banner] li[data-g='2'] [data-testid=jump-to-block]");
    const at = await playhead(page);
    const e = model.event(at);
    expect(e).toMatchObject({ kind: "block", g: 2, reason: "chan receive" });
    expect(await page.getAttribute("[data-testid=source]", "data-highlight")).toBe(e.loc?.split(":")[1]);
    await page.screenshot({ path: resolve(SCREENSHOTS, "deadlock-circular-jump.png") });
  });

  it("steps forward and back: the playhead moves and the inspector changes", async () => {
    const page = await openSample("unbuffered-handoff");
    await page.keyboard.press("Home");
    expect(await playhead(page)).toBe(-1);
    const atStart = await inspectorText(page);
    const seen = new Set<string>([atStart]);
    for (let k = 0; k < 6; k++) {
      await page.keyboard.press("ArrowRight");
      expect(await playhead(page)).toBe(k);
      seen.add(await inspectorText(page));
    }
    expect(seen.size).toBe(7);
    const afterSix = await inspectorText(page);
    await page.click("button[aria-label='Step back']");
    expect(await playhead(page)).toBe(4);
    expect(await inspectorText(page)).not.toBe(afterSix);
    await page.click("button[aria-label='Step forward']");
    expect(await inspectorText(page)).toBe(afterSix);
    await page.screenshot({ path: resolve(SCREENSHOTS, "stepping.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("scrubbing into buffered-channel shows the buffer contents the model says", async () => {
    const page = await openSample("buffered-channel");
    const model = await savedModel(page, "buffered.trace.jsonl");
    const messages = model.channels.find((c) => c.name === "messages");
    if (messages === undefined) throw new Error("no channel `messages`");
    // The moment the fourth send has blocked: the buffer is full and main waits to send.
    let blocked = -1;
    for (let i = eventIndex(0); i < model.length; i++) {
      const e = model.event(i);
      if (e.kind === "block" && e.reason === "chan send" && e.ch === messages.id) {
        blocked = i;
        break;
      }
    }
    expect(blocked).toBeGreaterThan(0);
    for (const at of [blocked - 2, blocked, blocked + 4, model.length - 1]) {
      await stepTo(page, at);
      const expected = model.stateAt(eventIndex(at)).channel(messages.id);
      const card = page.locator(`.channel-card[data-ch="${messages.id}"]`);
      const values = await card
        .locator(".buffer-slot.full")
        .evaluateAll((slots: readonly PageElement[]) => slots.map((s) => s.getAttribute("data-value")));
      expect(values, `after event ${at}`).toEqual(expected?.buffer.map((b) => b.v));
      expect(await card.locator("[data-testid=len-cap]").textContent()).toBe(`${expected?.buffer.length}/${expected?.cap}`);
      const senders = await card
        .locator("[data-testid=sendq] .g-chip")
        .evaluateAll((chips: readonly PageElement[]) => chips.map((c) => c.getAttribute("data-g")));
      expect(senders, `after event ${at}`).toEqual(expected?.sendq.map((w) => String(w.g)));
      if (at === blocked) await page.screenshot({ path: resolve(SCREENSHOTS, "buffered-channel-full.png") });
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it("steps within the selected goroutine with Shift+arrows", async () => {
    const page = await openSample("buffered-channel");
    const model = await savedModel(page, "buffered-shift.trace.jsonl");
    const consumer = model.goroutines.find((g) => g.name === "consumer");
    if (consumer === undefined) throw new Error("no consumer goroutine");
    // At the end every goroutine is in the table; the selection stays when the playhead goes back.
    await page.click(`[data-testid=goroutine-table] tr[data-g="${consumer.id}"]`);
    await page.keyboard.press("Home");
    const visited: EventIndex[] = [];
    for (let k = 0; k < 4; k++) {
      await page.keyboard.press("Shift+ArrowRight");
      visited.push(await playhead(page));
    }
    for (const i of visited) {
      const e = model.event(i);
      expect(e.g === consumer.id || (e.kind === "spawn" && e.child === consumer.id), `event ${i}`).toBe(true);
    }
    expect(new Set(visited).size).toBe(4);
  });

  it("filters and searches the event list, and a click moves the playhead there", async () => {
    const page = await openSample("worker-pool");
    const total = Number((await page.textContent("[data-testid=event-count]"))?.match(/\d+/)?.[0]);
    await page.selectOption("select[aria-label='Filter by kind']", "channel");
    const channelOps = await page.textContent("[data-testid=event-count]");
    expect(channelOps).toMatch(new RegExp(`^\\d+ of ${total}$`));
    await page.keyboard.press("/");
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label')")).toBe("Search events");
    await page.keyboard.type("recv");
    // The list filters as the words arrive: wait for the whole word's result.
    const shownKinds = (): Promise<(string | null)[]> =>
      page.$$eval("[data-testid=event-list] .ev-row .ev-kind", (cells: readonly PageElement[]) => [
        ...new Set(cells.map((c) => c.textContent)),
      ]);
    await expect.poll(shownKinds).toEqual(["recv"]);
    expect(await page.textContent("[data-testid=event-count]")).not.toBe(channelOps);
    const row = page.locator("[data-testid=event-list] .ev-row").nth(2);
    const index = Number(await row.getAttribute("data-index"));
    await row.click();
    expect(await playhead(page)).toBe(index);
    expect(await page.getAttribute("[data-testid=event-details]", "data-index")).toBe(String(index));
    await page.screenshot({ path: resolve(SCREENSHOTS, "event-list-filtered.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("numbers events from #0 alike in the toolbar, the event list and the inspector", async () => {
    const page = await openSample("worker-pool");
    const total = Number(await page.getAttribute("[data-testid=readout]", "data-events"));
    const readout = (): Promise<string | null> => page.textContent("[data-testid=readout-event]");
    expect(await readout()).toBe(`event #${total - 1} · ${total} events`);
    const row = page.locator("[data-testid=event-list] .ev-row").nth(5);
    const index = Number(await row.getAttribute("data-index"));
    await row.click();
    expect(await readout()).toBe(`event #${index} · ${total} events`);
    const listed = await page.textContent("[data-testid=event-list] .ev-row.selected .ev-seq");
    const inspected = await page.textContent("[data-testid=event-details] dt:text-is('event') + dd");
    expect(`#${listed}`).toBe(`#${index}`);
    expect(inspected).toMatch(new RegExp(`^#${index} at `));
    // Without a selection the inspector shows the playhead's event.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Home");
    expect(await readout()).toBe(`before event #0 · ${total} events`);
    await page.keyboard.press("ArrowRight");
    expect(await readout()).toBe(`event #0 · ${total} events`);
    expect(await page.textContent("[data-testid=event-list] .ev-row.at-playhead .ev-seq")).toBe("0");
    expect(await page.textContent("[data-testid=event-details] dt:text-is('event') + dd")).toMatch(/^#0 at /);
    await page.screenshot({ path: resolve(SCREENSHOTS, "event-numbers.png") });
    expect(pageErrors(page)).toEqual([]);
  });

  it("plays the run forward at the chosen speed and pauses with Space", async () => {
    const page = await openSample("producer-consumer");
    await page.keyboard.press("Home");
    await page.selectOption("select[aria-label='Playback speed']", "50");
    await page
      .locator("body")
      .click({ position: { x: 2, y: 2 } })
      .catch(() => undefined);
    await page.keyboard.press("Space");
    await expect.poll(() => playhead(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(5);
    await page.keyboard.press("Space");
    const paused = await playhead(page);
    await page.waitForTimeout(300);
    expect(await playhead(page)).toBe(paused);
    expect(paused).toBeGreaterThanOrEqual(5);
  });

  it("selects a select's cases: which were ready and which fired", async () => {
    const page = await openSample("select-multiplex");
    await page.selectOption("select[aria-label='Filter by kind']", "select");
    const row = page.locator("[data-testid=event-list] .ev-row").first();
    await row.click();
    const table = page.locator("[data-testid=select-cases]");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    expect(await table.locator("tr.fired").count()).toBe(1);
    expect(await table.textContent()).toContain("fired");
    await page.screenshot({ path: resolve(SCREENSHOTS, "select-cases.png") });
  });
});
