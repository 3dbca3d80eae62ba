// The growing store the builder appends events to (the encoding is described
// in columns.ts; eventAt.ts is its inverse: keep the two in step).

import {
  CONTEXT_TYPE_CODE,
  KIND_CODE,
  MODE_W,
  ONCE_DONE,
  REASON,
  STREAM_STDERR,
  STREAM_STDOUT,
  SYNC_TYPE_CODE,
  TIMER_OP_CODE,
  TIMER_PURPOSE_CODE,
} from "../codes";
import { assertNever, type SelectCase, type TraceEvent } from "../events";
import { BLOCK_IO, NONE, type EventColumns } from "./columns";
import { CaseListDictionary, LocationDictionary, ReadySetDictionary, StringDictionary } from "./dictionaries";

/** The growing store the builder appends to. All columns share one capacity and grow together. */
export class ColumnStore {
  t = new Float64Array(1024);
  g = new Int32Array(1024);
  kind = new Uint8Array(1024);
  ch = new Int32Array(1024);
  obj = new Int32Array(1024);
  peer = new Int32Array(1024);
  len = new Int32Array(1024);
  from = new Int32Array(1024);
  value = new Int32Array(1024);
  loc = new Int32Array(1024);
  detail = new Uint8Array(1024);
  sel = new Int32Array(1024);
  until = new Float64Array(1024);
  side = new Int32Array(1024);
  private readonly valueDictionary = new StringDictionary();
  private readonly locDictionary = new LocationDictionary();
  private readonly caseDictionary = new CaseListDictionary();
  private readonly readyDictionary = new ReadySetDictionary();
  readonly values: readonly string[] = this.valueDictionary.list;
  readonly locs: readonly string[] = this.locDictionary.list;
  readonly caseLists: readonly (readonly SelectCase[])[] = this.caseDictionary.list;
  readonly readyLists: readonly (readonly number[])[] = this.readyDictionary.list;
  readonly sideEvents: TraceEvent[] = [];
  length = 0;

  /** Appends one event; returns its index. */
  append(e: TraceEvent): number {
    const i = this.length;
    if (i === this.t.length) this.grow();
    this.t[i] = e.t;
    this.g[i] = e.g;
    this.kind[i] = KIND_CODE[e.kind];
    let ch = NONE;
    let obj = NONE;
    let peer = NONE;
    let len = NONE;
    let from = NONE;
    let value = NONE;
    let detail = 0;
    let sel = NONE;
    let until = NaN;
    let side = false;
    switch (e.kind) {
      case "run":
      case "yield":
      case "exit":
        break;
      case "send":
        ch = e.ch;
        value = this.valueDictionary.intern(e.v);
        len = e.len;
        if (e.peer !== undefined) peer = e.peer;
        if (e.sel !== undefined) sel = e.sel;
        break;
      case "recv":
        ch = e.ch;
        // A received value is normally the very string its send carried: share its entry.
        value =
          e.from !== undefined && e.from >= 0 && e.from < i && this.values[this.value[e.from] as number] === e.v
            ? (this.value[e.from] as number)
            : this.valueDictionary.intern(e.v);
        detail = e.ok ? 1 : 0;
        len = e.len;
        if (e.peer !== undefined) peer = e.peer;
        if (e.from !== undefined) from = e.from;
        if (e.sel !== undefined) sel = e.sel;
        break;
      case "block":
        detail = REASON[e.reason];
        if (e.ch !== undefined) ch = e.ch;
        if (e.io !== undefined) {
          obj = e.io;
          detail |= BLOCK_IO;
          side = e.obj !== undefined; // both: no column for the second
        } else if (e.obj !== undefined) obj = e.obj;
        if (e.v !== undefined) value = this.valueDictionary.intern(e.v);
        if (e.until !== undefined) until = e.until;
        if (e.cases !== undefined) from = this.caseDictionary.intern(e.cases);
        break;
      case "unblock":
        peer = e.by;
        break;
      case "select":
        from = this.caseDictionary.intern(e.cases);
        peer = this.readyDictionary.intern(e.ready);
        sel = e.chosen;
        detail = e.hasDefault ? 1 : 0;
        break;
      case "close":
        ch = e.ch;
        len = e.len;
        break;
      case "spawn":
        peer = e.child;
        if (e.name !== undefined) value = this.valueDictionary.intern(e.name);
        break;
      case "make":
        ch = e.ch;
        len = e.cap;
        if (e.name !== undefined) value = this.valueDictionary.intern(e.name);
        break;
      case "timer":
        obj = e.timer;
        detail = TIMER_OP_CODE[e.op] | (TIMER_PURPOSE_CODE[e.purpose] << 2);
        until = e.at;
        if (e.ch !== undefined) ch = e.ch;
        break;
      case "sync.make":
        obj = e.obj;
        detail = SYNC_TYPE_CODE[e.type];
        if (e.name !== undefined) value = this.valueDictionary.intern(e.name);
        break;
      case "lock":
      case "unlock":
        obj = e.obj;
        detail = e.mode === "w" ? MODE_W : 0;
        break;
      case "wg.add":
        obj = e.obj;
        len = e.count;
        from = e.delta;
        break;
      case "wg.wait":
        obj = e.obj;
        break;
      case "once":
        obj = e.obj;
        detail = e.op === "done" ? ONCE_DONE : 0;
        break;
      case "ctx.make":
        obj = e.ctx;
        ch = e.done;
        detail = CONTEXT_TYPE_CODE[e.type];
        if (e.parent !== undefined) peer = e.parent;
        if (e.deadline !== undefined) until = e.deadline;
        break;
      case "ctx.cancel":
        obj = e.ctx;
        peer = e.source;
        value = this.valueDictionary.intern(e.err);
        side = e.cause !== undefined;
        break;
      case "leak":
        detail = REASON[e.reason];
        if (e.ch !== undefined) ch = e.ch;
        if (e.obj !== undefined) obj = e.obj;
        break;
      case "io":
        obj = e.io;
        side = true;
        break;
      case "sync.op":
        // Kept whole: its optional value strings have no column.
        obj = e.obj;
        side = true;
        break;
      case "output":
        // Repeated lines ("tick") share an entry, as values do.
        value = this.valueDictionary.intern(e.text);
        detail = e.stream === "stderr" ? STREAM_STDERR : STREAM_STDOUT;
        break;
      case "warn":
      case "panic":
      case "deadlock":
      case "end":
        side = true;
        break;
      default:
        assertNever(e, "event kind");
    }
    this.ch[i] = ch;
    this.obj[i] = obj;
    this.peer[i] = peer;
    this.len[i] = len;
    this.from[i] = from;
    this.value[i] = value;
    this.loc[i] = e.loc === undefined ? NONE : this.locDictionary.intern(e.loc);
    this.detail[i] = detail;
    this.sel[i] = sel;
    this.until[i] = until;
    if (side) {
      this.side[i] = this.sideEvents.length;
      this.sideEvents.push(e);
    } else {
      this.side[i] = NONE;
    }
    this.length = i + 1;
    return i;
  }

  /**
   * Views of what is stored so far; they never change afterwards (appends write
   * past them or into new buffers). `final`: nothing will be appended any more,
   * so the dictionaries are handed over rather than copied.
   */
  view(final = false): EventColumns {
    const n = this.length;
    return Object.freeze({
      length: n,
      t: this.t.subarray(0, n),
      g: this.g.subarray(0, n),
      kind: this.kind.subarray(0, n),
      ch: this.ch.subarray(0, n),
      obj: this.obj.subarray(0, n),
      peer: this.peer.subarray(0, n),
      len: this.len.subarray(0, n),
      from: this.from.subarray(0, n),
      value: this.value.subarray(0, n),
      loc: this.loc.subarray(0, n),
      detail: this.detail.subarray(0, n),
      sel: this.sel.subarray(0, n),
      until: this.until.subarray(0, n),
      side: this.side.subarray(0, n),
      // Copies: the dictionaries keep growing, and a model must not see its own arrays change.
      values: final ? this.values : Object.freeze(this.values.slice()),
      locs: final ? this.locs : Object.freeze(this.locs.slice()),
      caseLists: final ? this.caseLists : Object.freeze(this.caseLists.slice()),
      readyLists: final ? this.readyLists : Object.freeze(this.readyLists.slice()),
      sideEvents: final ? this.sideEvents : Object.freeze(this.sideEvents.slice()),
    });
  }

  private grow(): void {
    const cap = this.t.length * 2;
    const more = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.t = more(this.t, (n) => new Float64Array(n));
    this.g = more(this.g, (n) => new Int32Array(n));
    this.kind = more(this.kind, (n) => new Uint8Array(n));
    this.ch = more(this.ch, (n) => new Int32Array(n));
    this.obj = more(this.obj, (n) => new Int32Array(n));
    this.peer = more(this.peer, (n) => new Int32Array(n));
    this.len = more(this.len, (n) => new Int32Array(n));
    this.from = more(this.from, (n) => new Int32Array(n));
    this.value = more(this.value, (n) => new Int32Array(n));
    this.loc = more(this.loc, (n) => new Int32Array(n));
    this.detail = more(this.detail, (n) => new Uint8Array(n));
    this.sel = more(this.sel, (n) => new Int32Array(n));
    this.until = more(this.until, (n) => new Float64Array(n));
    this.side = more(this.side, (n) => new Int32Array(n));
  }
}
