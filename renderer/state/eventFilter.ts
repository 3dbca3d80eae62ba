// The event list's filters: by goroutine, channel and kind (asked of the model
// without building events: cheap), then by search text (against the event's description, built only for
// events that passed the cheap filters).

import { EVENT_KINDS } from "../../traces/model/index";
import { eventIndex, type EventIndex, type EventKind } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { eventNumber, eventPhrase } from "../../traces/vocabulary/index";
import type { FilterState, KindFilterKey } from "./uiState";

export interface KindGroup {
  readonly key: KindFilterKey;
  readonly label: string;
  readonly kinds: readonly EventKind[] | undefined;
}

export const KIND_GROUPS: readonly KindGroup[] = [
  { key: "all", label: "All kinds", kinds: undefined },
  { key: "channel", label: "Channel ops", kinds: ["make", "send", "recv", "close"] },
  { key: "blocking", label: "Block / unblock", kinds: ["block", "unblock"] },
  { key: "select", label: "Select", kinds: ["select"] },
  { key: "scheduling", label: "Scheduling", kinds: ["spawn", "run", "yield", "exit"] },
  { key: "sync", label: "Sync objects", kinds: ["sync.make", "lock", "unlock", "wg.add", "wg.wait", "once", "sync.op"] },
  { key: "time", label: "Timers and io", kinds: ["timer", "io"] },
  { key: "context", label: "Contexts", kinds: ["ctx.make", "ctx.cancel"] },
  { key: "problems", label: "Problems", kinds: ["warn", "panic", "leak", "deadlock", "end"] },
];

export function kindsOfFilter(key: KindFilterKey): readonly EventKind[] | undefined {
  const group = KIND_GROUPS.find((k) => k.key === key);
  if (group !== undefined) return group.kinds;
  return [key as EventKind];
}

export const isKindFilterKey = (s: string): s is KindFilterKey =>
  KIND_GROUPS.some((k) => k.key === s) || (EVENT_KINDS as readonly string[]).includes(s);

export const isFiltering = (f: FilterState): boolean =>
  f.goroutine !== undefined || f.channel !== undefined || f.kinds !== "all" || f.search.trim() !== "";

/** Indices of the events that pass every filter, in order. */
export function filterEvents(model: TraceModel, f: FilterState): Int32Array {
  const n = model.length;
  if (!isFiltering(f)) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const kinds = kindsOfFilter(f.kinds);
  const kindSet = kinds === undefined ? undefined : new Set<EventKind>(kinds);
  const needle = f.search.trim().toLowerCase();
  const out = new Int32Array(n);
  let m = 0;
  for (let i = eventIndex(0); i < n; i++) {
    if (kindSet !== undefined && !kindSet.has(model.kind(i))) continue;
    if (f.goroutine !== undefined && !model.isEventOf(i, f.goroutine)) continue;
    if (f.channel !== undefined && !model.isEventOn(i, f.channel)) continue;
    if (needle !== "" && !searchText(model, i).includes(needle)) continue;
    out[m++] = i;
  }
  return out.slice(0, m);
}

/** What the search box matches: "#12 g2 consumer send 4 to `messages` (len 3) samples/x.ts:18", lower-cased. */
function searchText(model: TraceModel, i: EventIndex): string {
  const e = model.event(i);
  const name = model.goroutine(e.g)?.name ?? "";
  return `${eventNumber(i)} g${e.g} ${name} ${e.kind} ${eventPhrase(e, model)} ${e.loc ?? ""}`.toLowerCase();
}

/** The row of the filtered list at or just before event `index` (for keeping the playhead's row in view). */
export function rowAtOrBefore(rows: Int32Array, index: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as number) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
