// Timers: when each was armed, fired and stopped, and which channel it delivers
// to. The wait-for graph asks whether a timer is armed on a channel a goroutine
// waits on: then the runtime itself will wake it, and it is not stuck.

import type { ChannelId, TimerId, TimerPurpose } from "../events";
import type { Nanos } from "../units";
import type { EventColumns } from "./columns";
import { upperBound } from "./growableArray";

export interface TimerInfo {
  readonly id: TimerId;
  readonly purpose: TimerPurpose;
  /** The channel a fire delivers to (after, timer, ticker). */
  readonly ch: ChannelId | undefined;
  /** Its set, fire and stop events, in order. */
  readonly events: readonly number[];
  /** Armed after event `index`: set (or, for a ticker, still ticking) and not stopped. */
  armedAt(index: number): boolean;
  /** When an armed timer fires next, after event `index`. */
  nextFireAt(index: number): Nanos | undefined;
}

const SET = 0;
const FIRE = 1;

class TimerRecord {
  ch: ChannelId | undefined;
  purpose: TimerPurpose = "timer";
  readonly events: number[] = [];
  /** The last view handed out, and the event count it saw. */
  last: TimerInfo | undefined;
  lastCount = -1;
  constructor(readonly id: TimerId) {}
}

class TimerInfoView implements TimerInfo {
  readonly id: TimerId;
  readonly purpose: TimerPurpose;
  readonly ch: ChannelId | undefined;
  readonly events: readonly number[];

  constructor(
    r: TimerRecord,
    private readonly cols: EventColumns,
  ) {
    this.id = r.id;
    this.purpose = r.purpose;
    this.ch = r.ch;
    this.events = Object.freeze(r.events.slice());
    Object.freeze(this);
  }

  armedAt(index: number): boolean {
    const k = upperBound(this.events, this.events.length, index) - 1;
    if (k < 0) return false;
    const op = (this.cols.detail[this.events[k] as number] as number) & 3;
    // A ticker keeps ticking after a fire; a one-shot timer is spent.
    return op === SET || (op === FIRE && this.purpose === "ticker");
  }

  nextFireAt(index: number): Nanos | undefined {
    if (!this.armedAt(index)) return undefined;
    const k = upperBound(this.events, this.events.length, index) - 1;
    return this.cols.until[this.events[k] as number] as Nanos;
  }
}

export class TimerRecorder {
  private readonly byId = new Map<TimerId, TimerRecord>();
  private readonly byChannel = new Map<ChannelId, TimerRecord[]>();

  event(index: number, timer: TimerId, purpose: TimerPurpose, ch: ChannelId | undefined): void {
    let r = this.byId.get(timer);
    if (r === undefined) {
      r = new TimerRecord(timer);
      this.byId.set(timer, r);
    }
    r.purpose = purpose;
    if (ch !== undefined && r.ch === undefined) {
      r.ch = ch;
      let list = this.byChannel.get(ch);
      if (list === undefined) this.byChannel.set(ch, (list = []));
      list.push(r);
    }
    r.events.push(index);
  }

  view(cols: EventColumns): { timers: readonly TimerInfo[]; onChannel: (ch: ChannelId) => readonly TimerInfo[] } {
    const info = (r: TimerRecord): TimerInfo => {
      if (r.last === undefined || r.lastCount !== r.events.length) {
        r.last = new TimerInfoView(r, cols);
        r.lastCount = r.events.length;
      }
      return r.last;
    };
    const timers = Object.freeze([...this.byId.values()].map(info));
    const onChannel = new Map<ChannelId, readonly TimerInfo[]>();
    for (const [ch, list] of this.byChannel) onChannel.set(ch, Object.freeze(list.map(info)));
    return { timers, onChannel: (ch) => onChannel.get(ch) ?? [] };
  }
}
