// One event in a line of words, as the event list shows it and a tooltip
// titles it ("send 4 to `jobs` → G3 worker"). Who did it is not part of the
// line: the list has a column for it and a tooltip puts it in front.

import { assertNever, type ChannelId, type GoroutineId, type ObjectId, type SyncOpEvent, type TraceEvent } from "../events";
import { panicHeadline } from "./goMessages";
import {
  channelLabelOf,
  channelNoun,
  contextLabel,
  goroutineLabel,
  goroutineLabelOf,
  objectLabel,
  objectLabelOf,
  type EntityLookup,
} from "./labels";
import { oneLine } from "./oneLine";
import { formatTime } from "./units";
import { selectCasePhrase, waitPhrase } from "./waitPhrase";

/** An empty value preview shows as a sign, not as nothing. */
const shown = (v: string): string => (v === "" ? "∅" : oneLine(v));

/** `names` finds the labels of the goroutines, channels and objects the event names. */
export function eventPhrase(e: TraceEvent, names: EntityLookup | undefined): string {
  const g = (id: GoroutineId): string => goroutineLabelOf(names, id);
  const ch = (id: ChannelId): string => channelLabelOf(names, id, "text");
  const obj = (id: ObjectId): string => objectLabelOf(names, id, "text");
  const selectCase = (sel: number | undefined): string => (sel === undefined ? "" : ` [select case ${sel}]`);
  switch (e.kind) {
    case "spawn":
      return `go ${goroutineLabel({ id: e.child, name: names?.goroutine(e.child)?.name ?? e.name })}`;
    case "run":
      return "running";
    case "yield":
      return "yield";
    case "exit":
      return "exit";
    case "make":
      return `make ${channelNoun({ id: e.ch, name: names?.channel(e.ch)?.name ?? e.name }, "text")} (${e.cap === 0 ? "unbuffered" : `cap ${e.cap}`})`;
    case "send":
      return `send ${shown(e.v)} to ${ch(e.ch)}${e.peer !== undefined ? ` → ${g(e.peer)}` : ` (len ${e.len})`}${selectCase(e.sel)}`;
    case "recv":
      return e.ok
        ? `receive ${shown(e.v)} from ${ch(e.ch)}${e.peer !== undefined ? ` ← ${g(e.peer)}` : ""}${selectCase(e.sel)}`
        : `receive from closed ${ch(e.ch)} (ok=false)${selectCase(e.sel)}`;
    case "close":
      return `close ${ch(e.ch)}${e.len > 0 ? ` (${e.len} still buffered)` : ""}`;
    case "block":
      // The wait itself: "block [chan receive]: …" cut the channel off in a list's narrow column.
      return waitPhrase(e, "sentence", names);
    case "unblock":
      return e.by === 0 ? "unblocked by the runtime (a timer or io)" : `unblocked by ${g(e.by)}`;
    case "select": {
      const c = e.chosen >= 0 ? e.cases[e.chosen] : undefined;
      const fired = c === undefined ? "default fired" : `case ${e.chosen} fired, ${selectCasePhrase(c, names)}`;
      const ready = e.ready.length === 0 ? "none ready" : `ready: ${e.ready.map((k) => `case ${k}`).join(", ")}`;
      return `select: ${fired} (${ready}; ${e.cases.length} ${e.cases.length === 1 ? "case" : "cases"}${e.hasDefault ? " + default" : ""})`;
    }
    case "timer":
      return `timer ${e.timer} ${e.op} (${e.purpose}) at ${formatTime(e.at)}${e.ch !== undefined ? ` → ${ch(e.ch)}` : ""}`;
    case "sync.make":
      return `new ${objectLabel({ id: e.obj, type: e.type, name: e.name }, "text")}`;
    case "lock":
      return `${e.mode === "r" ? "RLock" : "Lock"} ${obj(e.obj)}`;
    case "unlock":
      return `${e.mode === "r" ? "RUnlock" : "Unlock"} ${obj(e.obj)}`;
    case "wg.add":
      return `${e.delta === -1 ? "Done" : `Add(${e.delta})`} on ${obj(e.obj)} (counter ${e.count})`;
    case "wg.wait":
      return `Wait returned on ${obj(e.obj)}`;
    case "once":
      return `Do ${e.op === "start" ? "started" : "finished"} on ${obj(e.obj)}`;
    case "sync.op":
      return syncOpPhrase(e, names);
    case "ctx.make": {
      const parent = e.parent === undefined ? "" : `, child of ${contextLabel(e.parent)}`;
      const deadline = e.deadline === undefined ? "" : `, deadline ${formatTime(e.deadline)}`;
      return `new ${contextLabel(e.ctx)} (${e.type}${parent}${deadline})`;
    }
    case "ctx.cancel":
      return `${contextLabel(e.ctx)} cancelled: ${e.err}${e.cause !== undefined ? ` (${e.cause})` : ""}${e.source !== e.ctx ? `, as ${contextLabel(e.source)} was` : ""}`;
    case "io":
      return `io ${e.io} ${e.op}${e.label !== undefined ? ` ${e.label}` : ""}${e.ok === false ? " (failed)" : ""}`;
    case "warn":
      return `warning: ${e.message}`;
    case "output":
      return `printed "${oneLine(e.text)}"${e.stream === "stderr" ? " to stderr" : ""}`;
    case "panic":
      return panicHeadline(e.message, e.fatal === true);
    case "leak":
      return `still ${waitPhrase(e, "sentence", names)} when main returned`;
    case "deadlock":
      return e.message;
    case "end":
      return `end: ${e.status}${e.message !== undefined ? ` — ${e.message}` : ""}${e.limit !== undefined ? ` (${e.limit} limit)` : ""}`;
    default:
      return assertNever(e, "event kind");
  }
}

/** A Cond, Semaphore, errgroup or atomic operation in words: "Signal on cond `ready`", "CompareAndSwap on `n`: 1 → 2". */
export function syncOpPhrase(e: SyncOpEvent, names: EntityLookup | undefined): string {
  const obj = objectLabelOf(names, e.obj, "text");
  const v = e.v === undefined ? "" : oneLine(e.v);
  const old = e.old === undefined ? "" : oneLine(e.old);
  const n = e.n ?? 1;
  switch (e.op) {
    case "wait":
      return e.v === undefined ? `Wait on ${obj}` : `Wait returned on ${obj}: ${v}`;
    case "signal":
      return `Signal on ${obj}`;
    case "broadcast":
      return `Broadcast on ${obj}`;
    case "acquire":
      return `Acquire(${n}) on ${obj}`;
    case "release":
      return `Release(${n}) on ${obj}`;
    case "go":
      return `task started in ${obj}`;
    case "done":
      return e.v === undefined ? `task of ${obj} returned` : `task of ${obj} returned an error: ${v}`;
    case "load":
      return `Load ${obj}: ${v}`;
    case "store":
      return `Store ${v} in ${obj}`;
    case "add":
      return `Add(${n}) to ${obj}: ${old} → ${v}`;
    case "swap":
      return `Swap ${obj}: ${old} → ${v}`;
    case "cas":
      return e.ok === true ? `CompareAndSwap on ${obj}: ${old} → ${v}` : `CompareAndSwap on ${obj} failed: it holds ${old}`;
  }
}
