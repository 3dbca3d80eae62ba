// Plain-text views of a trace model for the command line: the one-screen
// summary and "who waits on what" at any event. Presentation only: every fact
// comes from the model.
import type { ChannelId, GoroutineId, ObjectId, SelectCase } from "../../traces/events";
import { formatTime, type ModelState, type TraceModel } from "../../traces/model/index";

export function channelLabel(model: TraceModel, id: ChannelId | null | undefined): string {
  if (id === null || id === undefined) return "nil channel";
  const ch = model.channel(id);
  return ch?.name ? `\`${ch.name}\`` : `channel #${id}`;
}

export function objectLabel(model: TraceModel, id: ObjectId | undefined): string {
  if (id === undefined) return "?";
  const o = model.object(id);
  return o?.name ? `\`${o.name}\`` : `${o?.type ?? "object"} #${id}`;
}

export function goroutineLabel(model: TraceModel, g: GoroutineId): string {
  const name = model.goroutine(g)?.name;
  return name ? `G${g} ${name}` : `G${g}`;
}

function casesLabel(model: TraceModel, cases: readonly SelectCase[] | undefined): string {
  if (!cases || cases.length === 0) return "no cases";
  return cases.map((c) => `${c.dir} ${channelLabel(model, c.ch)}`).join(", ");
}

export interface SummaryFacts {
  readonly title: string;
  readonly file?: string;
  readonly bytes?: number;
}

export function summaryText(model: TraceModel, facts: SummaryFacts): string {
  const h = model.header;
  const rows: [string, string][] = [
    ["program", facts.title],
    ["status", model.ending.status ?? "cut off (no end event)"],
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

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** What each goroutine does after event `state.index`, what every channel holds, and the wait-for cycles. */
export function stateText(model: TraceModel, state: ModelState): string {
  const out: string[] = [];
  out.push(`State after event ${state.index} of ${model.length} (t=${formatTime(state.t)}):`, "", "Goroutines:");
  for (const g of state.goroutines) {
    if (g.id === 0) continue;
    let line = `  ${goroutineLabel(model, g.id).padEnd(18)} ${g.state}`;
    const w = g.wait;
    if (w) {
      const what =
        w.ch !== undefined
          ? ` on ${channelLabel(model, w.ch)}`
          : w.obj !== undefined
            ? ` on ${objectLabel(model, w.obj)}`
            : w.cases
              ? ` over ${casesLabel(model, w.cases)}`
              : w.until !== undefined
                ? ` until ${formatTime(w.until)}`
                : "";
      line += ` [${w.reason}]${what}${w.v !== undefined ? ` holding ${w.v}` : ""} since event ${w.block.index}`;
      if (w.loc) line += ` at ${w.loc}`;
      const dep = state.waitFor.dependency(g.id);
      if (dep) {
        line += dep.stuck
          ? " — nothing can wake it"
          : dep.actors.length > 0
            ? ` — could be woken by ${[...new Set(dep.actors.map((a) => goroutineLabel(model, a.g)))].join(", ")}`
            : "";
      }
    }
    out.push(line);
  }
  if (state.channels.length > 0) {
    out.push("", "Channels:");
    for (const c of state.channels) {
      const buffer = c.cap > 0 ? ` buffer [${c.buffer.map((b) => b.v).join(", ")}]` : "";
      const senders = c.sendq.length ? ` senders waiting: ${c.sendq.map((s) => `G${s.g}(${s.v ?? ""})`).join(", ")}` : "";
      const receivers = c.recvq.length ? ` receivers waiting: ${c.recvq.map((r) => `G${r.g}`).join(", ")}` : "";
      out.push(`  ${channelLabel(model, c.id).padEnd(18)} len ${c.len}/cap ${c.cap}${c.closed ? " closed" : ""}${buffer}${senders}${receivers}`);
    }
  }
  const cycles = state.waitFor.cycles;
  if (cycles.length > 0) {
    out.push("", "Wait-for cycles:");
    for (const cycle of cycles) {
      out.push(
        "  " +
          cycle.steps
            .map((s) => `${goroutineLabel(model, s.g)} waits for G${s.waitsFor} (${s.reason} on ${s.via.kind === "channel" ? channelLabel(model, s.via.id) : objectLabel(model, s.via.id)})`)
            .join(", "),
      );
    }
  }
  return out.join("\n") + "\n";
}
