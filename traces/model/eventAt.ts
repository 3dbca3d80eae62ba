// Rebuilds an event object from the columns: the inverse of ColumnStore.append
// (keep the two in step).

import { CONTEXT_TYPES, MODE_W, ONCE_DONE, OUTPUT_STREAMS, reasonName, SYNC_TYPES, TIMER_OPS, TIMER_PURPOSES } from "../codes";
import { assertNever, type TraceEvent } from "../events";
import { blockIoAt, casesAt, kindOf, locAt, NONE, reasonCodeAt, sideEventAt, valueAt, type EventColumns } from "./columns";
import type { ReadonlyInt32Array } from "./readonlyArrays";

/** Event i as the object the runtime emitted (same fields; a fresh object unless kept whole). */
export function eventAt(cols: EventColumns, i: number): TraceEvent {
  if (i < 0 || i >= cols.length) throw new RangeError(`event index ${i} out of range [0, ${cols.length})`);
  const whole = sideEventAt(cols, i);
  if (whole !== undefined) return whole;
  const e: Record<string, unknown> = { seq: i, t: cols.t[i], g: cols.g[i] };
  const kind = kindOf(cols, i);
  e.kind = kind;
  const num = (name: string, column: ReadonlyInt32Array): void => {
    const v = column[i] as number;
    if (v !== NONE) e[name] = v;
  };
  const str = (name: string): void => {
    const v = valueAt(cols, i);
    if (v !== undefined) e[name] = v;
  };
  const time = (name: string): void => {
    const v = cols.until[i] as number;
    if (!Number.isNaN(v)) e[name] = v;
  };
  switch (kind) {
    case "run":
    case "yield":
    case "exit":
      break;
    case "send":
      e.ch = cols.ch[i];
      e.v = valueAt(cols, i) ?? "";
      e.len = cols.len[i];
      num("peer", cols.peer);
      num("sel", cols.sel);
      break;
    case "recv":
      e.ch = cols.ch[i];
      e.v = valueAt(cols, i) ?? "";
      e.ok = cols.detail[i] === 1;
      e.len = cols.len[i];
      num("peer", cols.peer);
      num("from", cols.from);
      num("sel", cols.sel);
      break;
    case "block": {
      e.reason = reasonName(reasonCodeAt(cols, i));
      num("ch", cols.ch);
      const io = blockIoAt(cols, i);
      if (io !== undefined) e.io = io;
      else num("obj", cols.obj);
      const cases = casesAt(cols, i);
      if (cases !== undefined) e.cases = cases;
      str("v");
      time("until");
      break;
    }
    case "unblock":
      e.by = cols.peer[i];
      break;
    case "select":
      e.cases = casesAt(cols, i) ?? [];
      e.ready = cols.readyLists[cols.peer[i] as number] ?? [];
      e.chosen = cols.sel[i];
      e.hasDefault = cols.detail[i] === 1;
      break;
    case "close":
      e.ch = cols.ch[i];
      e.len = cols.len[i];
      break;
    case "spawn":
      e.child = cols.peer[i];
      str("name");
      break;
    case "make":
      e.ch = cols.ch[i];
      e.cap = cols.len[i];
      str("name");
      break;
    case "timer": {
      const d = cols.detail[i] as number;
      e.timer = cols.obj[i];
      e.op = TIMER_OPS[d & 3];
      e.purpose = TIMER_PURPOSES[d >> 2];
      e.at = cols.until[i];
      num("ch", cols.ch);
      break;
    }
    case "sync.make":
      e.obj = cols.obj[i];
      e.type = SYNC_TYPES[cols.detail[i] as number];
      str("name");
      break;
    case "lock":
    case "unlock":
      e.obj = cols.obj[i];
      e.mode = cols.detail[i] === MODE_W ? "w" : "r";
      break;
    case "wg.add":
      e.obj = cols.obj[i];
      e.delta = cols.from[i];
      e.count = cols.len[i];
      break;
    case "wg.wait":
      e.obj = cols.obj[i];
      break;
    case "once":
      e.obj = cols.obj[i];
      e.op = cols.detail[i] === ONCE_DONE ? "done" : "start";
      break;
    case "ctx.make":
      e.ctx = cols.obj[i];
      num("parent", cols.peer);
      e.type = CONTEXT_TYPES[cols.detail[i] as number];
      time("deadline");
      e.done = cols.ch[i];
      break;
    case "ctx.cancel":
      e.ctx = cols.obj[i];
      e.err = valueAt(cols, i) ?? "";
      e.source = cols.peer[i];
      break;
    case "leak":
      e.reason = reasonName(reasonCodeAt(cols, i));
      num("ch", cols.ch);
      num("obj", cols.obj);
      break;
    case "output":
      e.stream = OUTPUT_STREAMS[cols.detail[i] as number];
      e.text = valueAt(cols, i) ?? "";
      break;
    case "io":
    case "sync.op":
    case "warn":
    case "panic":
    case "deadlock":
    case "end":
      throw new Error(`event ${i} (${kind}) should have been kept whole`);
    default:
      return assertNever(kind, "event kind");
  }
  const loc = locAt(cols, i);
  if (loc !== undefined) e.loc = loc;
  return e as unknown as TraceEvent;
}
