// One line per event, in words a Go programmer reads at a glance: the event
// list shows it and the search box matches against it.

import { assertNever, type ChannelId, type GoroutineId, type TraceEvent } from "../../traces/events";
import { formatTime, type TraceModel } from "../../traces/model/index";
import { channelLabel, goroutineLabel, objectLabel } from "./names";

const shown = (v: string): string => (v === "" ? "∅" : v);

export function describeEvent(model: TraceModel | undefined, e: TraceEvent): string {
  const ch = (id: ChannelId | null | undefined): string => (id === undefined ? "?" : channelLabel(model, id));
  const g = (id: GoroutineId): string => goroutineLabel(model, id);
  switch (e.kind) {
    case "spawn":
      return `spawn ${g(e.child)}${e.name !== undefined && model?.goroutine(e.child) === undefined ? ` ${e.name}` : ""}`;
    case "run":
      return "running";
    case "yield":
      return "yield";
    case "exit":
      return "exit";
    case "make":
      return `make chan ${e.name ?? `#${e.ch}`} (cap ${e.cap})`;
    case "send":
      return `send ${shown(e.v)} on ${ch(e.ch)}${e.peer !== undefined ? ` → ${g(e.peer)}` : ` (len ${e.len})`}${e.sel !== undefined ? ` [select case ${e.sel}]` : ""}`;
    case "recv":
      return e.ok
        ? `recv ${shown(e.v)} from ${ch(e.ch)}${e.peer !== undefined ? ` ← ${g(e.peer)}` : ""}${e.sel !== undefined ? ` [select case ${e.sel}]` : ""}`
        : `recv from closed ${ch(e.ch)} (ok=false)`;
    case "close":
      return `close ${ch(e.ch)}${e.len > 0 ? ` (${e.len} still buffered)` : ""}`;
    case "block": {
      const on =
        e.ch !== undefined
          ? ` on ${ch(e.ch)}`
          : e.obj !== undefined
            ? ` on ${objectLabel(model, e.obj)}`
            : e.cases !== undefined && e.cases.length > 0
              ? ` on ${e.cases.map((c) => `${c.dir === "send" ? "→" : "←"}${ch(c.ch)}`).join(" ")}`
              : e.until !== undefined
                ? ` until ${formatTime(e.until)}`
                : "";
      return `block [${e.reason}]${on}${e.v !== undefined ? ` holding ${shown(e.v)}` : ""}`;
    }
    case "unblock":
      return e.by === 0 ? "unblocked by timer/io" : `unblocked by ${g(e.by)}`;
    case "select": {
      const fired = e.chosen === -1 ? "default" : `case ${e.chosen}`;
      const ready = e.ready.length === 0 ? "none ready" : `ready: ${e.ready.map((k) => `case ${k}`).join(", ")}`;
      return `select: ${fired} fired (${ready}; ${e.cases.length} cases${e.hasDefault ? " + default" : ""})`;
    }
    case "timer":
      return `timer ${e.timer} ${e.op} (${e.purpose}) at ${formatTime(e.at)}${e.ch !== undefined ? ` → ${ch(e.ch)}` : ""}`;
    case "sync.make":
      return `new ${e.type}${e.name !== undefined ? ` ${e.name}` : ` #${e.obj}`}`;
    case "lock":
      return `${e.mode === "r" ? "RLock" : "Lock"} ${objectLabel(model, e.obj)}`;
    case "unlock":
      return `${e.mode === "r" ? "RUnlock" : "Unlock"} ${objectLabel(model, e.obj)}`;
    case "wg.add":
      return `${e.delta === -1 ? "Done" : `Add(${e.delta})`} ${objectLabel(model, e.obj)} → ${e.count}`;
    case "wg.wait":
      return `Wait returned on ${objectLabel(model, e.obj)}`;
    case "once":
      return `Once.Do ${e.op} on ${objectLabel(model, e.obj)}`;
    case "ctx.make":
      return `context ${e.ctx} (${e.type})${e.parent !== undefined ? ` child of ${e.parent}` : ""}${e.deadline !== undefined ? ` deadline ${formatTime(e.deadline)}` : ""}`;
    case "ctx.cancel":
      return `context ${e.ctx} cancelled: ${e.err}${e.cause !== undefined ? ` (${e.cause})` : ""}`;
    case "io":
      return `io ${e.io} ${e.op}${e.label !== undefined ? ` ${e.label}` : ""}${e.ok === false ? " (failed)" : ""}`;
    case "warn":
      return `warning: ${e.message}`;
    case "panic":
      return `${e.fatal === true ? "fatal error" : "panic"}: ${e.message}`;
    case "leak":
      return `leaked [${e.reason}]${e.ch !== undefined ? ` on ${ch(e.ch)}` : e.obj !== undefined ? ` on ${objectLabel(model, e.obj)}` : ""}`;
    case "deadlock":
      return `deadlock: ${e.message}`;
    case "end":
      return `end: ${e.status}${e.message !== undefined ? ` — ${e.message}` : ""}${e.limit !== undefined ? ` (${e.limit} limit)` : ""}`;
    default:
      return assertNever(e, "event kind");
  }
}

/** "samples/x.ts:12:3" → { file: "samples/x.ts", line: 12 }. */
export function parseLoc(loc: string | undefined): { readonly file: string; readonly line: number } | undefined {
  if (loc === undefined) return undefined;
  const m = /^(.*?):(\d+)(?::\d+)?$/.exec(loc);
  if (m === null) return undefined;
  return { file: m[1] as string, line: Number(m[2]) };
}
