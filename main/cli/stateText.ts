// Plain-text views of a trace model for the command line: the one-screen
// summary and "who waits on what" at any event. Presentation only: every fact
// comes from the model.
import type { EventIndex } from "../../traces/events";
import { isVerdict, type ModelState, type TraceModel } from "../../traces/model/index";
import {
  channelLabelOf,
  ENDING_TITLES,
  eventNumber,
  formatBytes,
  formatTime,
  goroutineLabelOf,
  goroutineTag,
  oneLine,
  wakersPhrase,
  waitCyclePhrase,
  waitPhrase,
} from "../../traces/vocabulary/index";

export interface SummaryFacts {
  readonly title: string;
  readonly file?: string;
  readonly bytes?: number;
}

export function summaryText(model: TraceModel, facts: SummaryFacts): string {
  const h = model.header;
  const rows: [string, string][] = [
    ["program", oneLine(facts.title)],
    ["status", model.ending.status ?? "cut off (no end event)"],
    ["ending", ENDING_TITLES[model.explanation.ending]],
    ["goroutines", String(model.goroutines.filter((g) => g.id !== 0).length)],
    ["channels", String(model.channels.length)],
    ["events", String(model.length)],
    ["duration", `${formatTime(model.endTime - model.startTime)} (${h?.clock ?? "virtual"} time)`],
  ];
  if (h) rows.push(["run", `seed ${h.seed}, ${h.strategy}`]);
  if (facts.file) rows.push(["trace", facts.bytes === undefined ? facts.file : `${facts.file} (${formatBytes(facts.bytes)})`]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const table = rows.map(([k, v]) => `${k.padEnd(width)}${v}`).join("\n");
  return `${table}\n\n${model.explanation.text}\n`;
}

/** A line names this many goroutines or values, then says how many more: 100,000 parked senders are one readable line. */
const LINE_ITEMS = 20;

const some = (items: readonly string[]): string =>
  items.length <= LINE_ITEMS
    ? items.join(", ")
    : `${items.slice(0, LINE_ITEMS).join(", ")} and ${(items.length - LINE_ITEMS).toLocaleString("en")} more`;

/** What each goroutine does after event `state.index`, what every channel holds, and the wait-for cycles. */
export function stateText(model: TraceModel, state: ModelState): string {
  const out: string[] = [];
  out.push(`State after event ${eventNumber(state.index)} (t=${formatTime(state.t)}):`, "", "Goroutines:");
  for (const g of state.goroutines) {
    if (g.id === 0) continue;
    let line = `  ${goroutineLabelOf(model, g.id).padEnd(18)} ${g.state}`;
    const w = g.wait;
    if (w) {
      line += ` [${w.reason}]: ${waitPhrase(w, "sentence", model, state)} since event ${eventNumber(w.block.index)}`;
      if (w.loc) line += ` at ${w.loc}`;
      const dep = state.waitFor.dependency(g.id);
      if (dep) {
        const wakers = [...new Set(dep.actors.map((a) => goroutineLabelOf(model, a.g)))];
        const wakes = wakersPhrase(
          wakers.length === 0 ? [] : [some(wakers)],
          dep.stuck,
          isVerdict(model.ending, state.index),
          dep.timer !== undefined || w.reason === "sleep" || w.reason === "io",
        );
        if (wakes !== "") line += ` — ${wakes}`;
      }
    }
    out.push(line);
  }
  if (state.channels.length > 0) {
    out.push("", "Channels:");
    for (const c of state.channels) {
      const buffer = c.cap > 0 ? ` buffer [${some(c.buffer.map((b) => oneLine(b.v)))}]` : "";
      const senders = c.sendq.length ? ` senders waiting: ${some(c.sendq.map((s) => `${goroutineTag(s.g)}(${oneLine(s.v ?? "")})`))}` : "";
      const receivers = c.recvq.length ? ` receivers waiting: ${some(c.recvq.map((r) => goroutineTag(r.g)))}` : "";
      out.push(
        `  ${channelLabelOf(model, c.id).padEnd(18)} len ${c.len}/cap ${c.cap}${c.closed ? " closed" : ""}${buffer}${senders}${receivers}`,
      );
    }
  }
  const cycles = state.waitFor.cycles;
  if (cycles.length > 0) {
    out.push("", "Wait-for cycles:");
    for (const cycle of cycles) out.push(`  ${waitCyclePhrase(cycle.steps, (g) => state.goroutine(g)?.wait, model)}`);
  }
  return out.join("\n") + "\n";
}

/** Lines `outputText` shows: the end of what a program printed is what tells where it got to. */
const OUTPUT_LINES = 10;

/**
 * The last lines the program printed up to event `at`, with when and who:
 * what a program said just before it stopped. Empty when it printed nothing.
 */
export function outputText(model: TraceModel, at: EventIndex): string {
  const output = model.output;
  let n = 0;
  let hi = output.length;
  while (n < hi) {
    const mid = (n + hi) >>> 1;
    if ((output[mid] as number) <= at) n = mid + 1;
    else hi = mid;
  }
  if (n === 0) return "";
  const shown = Math.min(n, OUTPUT_LINES);
  const out = [
    `Printed by event ${eventNumber(at)}: ${n.toLocaleString("en")} ${n === 1 ? "line" : "lines"}${n > shown ? `, the last ${shown}` : ""}`,
  ];
  for (let k = n - shown; k < n; k++) {
    const e = model.event(output[k] as EventIndex);
    if (e.kind !== "output") continue;
    const who = goroutineLabelOf(model, e.g).padEnd(18);
    out.push(`  ${formatTime(e.t).padStart(9)}  ${who} ${e.stream === "stderr" ? "stderr: " : ""}${oneLine(e.text)}`);
  }
  return out.join("\n") + "\n";
}
