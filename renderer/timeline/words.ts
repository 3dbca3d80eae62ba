// The tooltip's shared words, in the vocabulary's terms (traces/vocabulary):
// when an event happened, a channel's name, plurals, and an event's own
// description (glyphs on goroutine lanes and ticks on channel lanes both
// stand for events).

import type { ChannelId, EventIndex, GoroutineId, TraceEvent } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { channelLabelOf, eventNumber, eventPhrase, formatTime, goroutineLabelOf } from "../../traces/vocabulary/index";

/** A tooltip: a title line that answers "who is blocked on what" at a glance, and a line of detail. */
export interface Description {
  readonly title: string;
  readonly detail: string | undefined;
}

export const at = (model: TraceModel, index: EventIndex): string => `event ${eventNumber(index)} (${formatTime(model.time(index))})`;

export const chName = (model: TraceModel, ch: ChannelId): string => channelLabelOf(model, ch, "text");

export const plural = (n: number, one: string, many: string): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** An event: who did what (the vocabulary's phrase), then when and what followed from it. */
export function describeEvent(model: TraceModel, index: EventIndex): Description | undefined {
  if (index < 0 || index >= model.length) return undefined;
  const e: TraceEvent = model.event(index);
  const title = `${goroutineLabelOf(model, e.g)} — ${eventPhrase(e, model)}`;
  const when = at(model, index);
  const loc = e.loc === undefined ? "" : ` · ${e.loc}`;
  switch (e.kind) {
    case "send": {
      const info = model.channel(e.ch);
      const where =
        e.peer !== undefined
          ? `handed to ${goroutineLabelOf(model, e.peer)}`
          : info !== undefined && info.cap > 0
            ? `buffer ${e.len}/${info.cap} after`
            : "";
      return { title, detail: [when, where].filter((s) => s !== "").join(" · ") + loc };
    }
    case "recv": {
      if (!e.ok) return { title, detail: `${when} · got the zero value${loc}` };
      const from =
        e.from === undefined
          ? ""
          : `sent by ${goroutineLabelOf(model, model.columns.g[e.from] as GoroutineId)} at event ${eventNumber(e.from)}`;
      return { title, detail: [when, from].filter((s) => s !== "").join(" · ") + loc };
    }
    case "close":
      return { title, detail: `${when}${e.len > 0 ? ` · ${plural(e.len, "value", "values")} still buffered` : ""}${loc}` };
    case "select":
      return { title, detail: `${when} · ${plural(e.ready.length, "case", "cases")} ready of ${e.cases.length}${loc}` };
    case "spawn":
    case "exit":
    case "panic":
    case "make":
    case "block":
    case "unblock":
    case "run":
    case "yield":
    case "timer":
    case "io":
    case "sync.make":
    case "lock":
    case "unlock":
    case "wg.add":
    case "wg.wait":
    case "once":
    case "sync.op":
    case "ctx.make":
    case "ctx.cancel":
    case "deadlock":
    case "leak":
    case "warn":
    case "output":
    case "end":
      return { title, detail: when + loc };
  }
}
