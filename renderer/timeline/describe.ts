// Tooltip words for whatever the pointer is on: a title line that answers
// "who is blocked on what" at a glance, in the vocabulary's words
// (traces/vocabulary), and a line of detail.

import type { ChannelId, EventIndex, GoroutineId, TraceEvent } from "../../traces/events";
import { GOROUTINE_STATES, isWaitingCode, type TraceModel } from "../../traces/model/index";
import { channelLabelOf, eventPhrase, formatTime, goroutineLabel, goroutineLabelOf, stateLabel, waitPhrase } from "../../traces/vocabulary/index";
import type { HitTarget } from "./hitTest";

export interface Description {
  readonly title: string;
  readonly detail: string | undefined;
}

const at = (model: TraceModel, index: EventIndex): string => `event ${index.toLocaleString("en")} (${formatTime(model.time(index))})`;

const chName = (model: TraceModel, ch: ChannelId): string => channelLabelOf(model, ch, "text");

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function describeHit(model: TraceModel, hit: HitTarget): Description | undefined {
  switch (hit.kind) {
    case "span":
      return describeSpan(model, hit.rect.g, hit.rect.span, hit.rect.merged ? hit.rect.count : 1, hit.rect.state);
    case "glyph":
      return describeEvent(model, hit.glyph.index);
    case "arrow":
      return describeFlow(model, hit.arrow.flow);
    case "goroutine-label": {
      const info = model.goroutine(hit.g);
      if (info === undefined) return undefined;
      const parent = info.parent === undefined || info.parent === 0 ? "" : `started by ${goroutineLabelOf(model, info.parent)}`;
      const end = info.end === undefined ? "" : `${stateLabel(info.end.state)} at ${at(model, info.end.at.index)}`;
      return { title: goroutineLabel(info), detail: [parent, end].filter((s) => s !== "").join(" · ") || undefined };
    }
    case "channel-label":
      return describeChannel(model, hit.ch);
    case "channel-lane":
      if (hit.tick !== undefined) return describeEvent(model, hit.tick.index);
      return hit.index === undefined || hit.index < 0 ? describeChannel(model, hit.ch) : describeChannelAt(model, hit.ch, hit.index);
    case "axis":
    case "overview":
      return undefined;
  }
}

export function describeSpan(model: TraceModel, g: GoroutineId, span: number, merged: number, mergedState: number): Description | undefined {
  const track = model.goroutine(g)?.spans;
  if (track === undefined || span < 0 || span >= track.length) return undefined;
  const who = goroutineLabelOf(model, g);
  if (merged > 1) {
    const state = GOROUTINE_STATES[mergedState];
    return {
      title: `${who} — ${plural(merged, "span", "spans")} in this pixel`,
      detail: `mostly ${state === undefined ? "?" : stateLabel(state)} · zoom in to see them`,
    };
  }
  const code = track.stateCode(span);
  const s = track.span(span);
  const start = s.start.index;
  const end = track.endIndex(span);
  const events = end - start;
  const lasted = `${plural(events, "event", "events")}, ${formatTime(s.end.t - s.start.t)}${s.open ? " so far" : ""}`;
  if (isWaitingCode(code) && s.wait !== undefined) {
    // A plain wait's sentence says it is blocked; a wait that never ends says so first.
    const sentence = waitPhrase(s.wait, "sentence", model);
    const what = s.state === "deadlocked" || s.state === "leaked" ? `${s.state}: ${sentence}` : sentence;
    return {
      title: `${who} — ${what} since event ${s.wait.block.index.toLocaleString("en")} (${formatTime(s.wait.block.t)})`,
      // The sentence already says what a sender holds.
      detail: `lasted ${lasted}${s.wait.loc !== undefined ? ` · ${s.wait.loc}` : ""}`,
    };
  }
  if (s.state === "exited" || s.state === "panicked") return { title: `${who} — ${stateLabel(s.state)} at ${at(model, start)}`, detail: undefined };
  return { title: `${who} — ${stateLabel(s.state)} since ${at(model, start)}`, detail: `lasted ${lasted}` };
}

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
      const from = e.from === undefined ? "" : `sent by ${goroutineLabelOf(model, model.columns.g[e.from] as GoroutineId)} at event ${e.from.toLocaleString("en")}`;
      return { title, detail: [when, from].filter((s) => s !== "").join(" · ") + loc };
    }
    case "close":
      return { title, detail: `${when}${e.len > 0 ? ` · ${plural(e.len, "value", "values")} still buffered` : ""}${loc}` };
    case "select":
      return { title, detail: `${when} · ${plural(e.ready.length, "case", "cases")} ready of ${e.cases.length}${loc}` };
    default:
      return { title, detail: when + loc };
  }
}

export function describeFlow(model: TraceModel, flow: number): Description | undefined {
  if (flow < 0 || flow >= model.flows.length) return undefined;
  const f = model.flows.flow(flow);
  const from = goroutineLabelOf(model, f.sender);
  const sent = `sent at ${at(model, f.send.index)}`;
  if (f.recv === undefined || f.receiver === undefined) {
    return { title: `${chName(model, f.ch)}: ${f.v} from ${from}, never received`, detail: `${sent} · ${f.status === "buffered" ? "still in the buffer" : "its receive is not in the trace"}` };
  }
  return {
    title: `${chName(model, f.ch)}: ${f.v} from ${from} to ${goroutineLabelOf(model, f.receiver)}`,
    detail: `${sent}, received at ${at(model, f.recv.index)} · ${f.direct ? "handed over directly" : "through the buffer"}`,
  };
}

/** A channel at one moment: its buffer, who waits on it, whether it is closed. */
export function describeChannelAt(model: TraceModel, ch: ChannelId, index: EventIndex): Description | undefined {
  const info = model.channel(ch);
  if (info === undefined || index < 0 || index >= model.length) return undefined;
  if (info.made !== undefined && info.made.index > index) return { title: `${chName(model, ch)} — not made yet at event ${index.toLocaleString("en")}`, detail: undefined };
  const st = model.stateAt(index).channel(ch);
  if (st === undefined) return describeChannel(model, ch);
  const buffer = st.cap === 0 ? "unbuffered" : `${st.len} of ${st.cap} buffered`;
  const who = (q: readonly { readonly g: GoroutineId }[]): string => {
    const names = q.slice(0, 4).map((w) => goroutineLabelOf(model, w.g));
    return names.join(", ") + (q.length > 4 ? ` and ${q.length - 4} more` : "");
  };
  const waits = [
    st.sendq.length === 0 ? "" : `${plural(st.sendq.length, "sender", "senders")} waiting: ${who(st.sendq)}`,
    st.recvq.length === 0 ? "" : `${plural(st.recvq.length, "receiver", "receivers")} waiting: ${who(st.recvq)}`,
  ].filter((x) => x !== "");
  return {
    title: `${chName(model, ch)} after ${at(model, index)}: ${buffer}${st.closed ? ", closed" : ""}`,
    detail: waits.length === 0 ? "nobody waiting on it" : waits.join(" · "),
  };
}

export function describeChannel(model: TraceModel, ch: ChannelId): Description | undefined {
  const info = model.channel(ch);
  if (info === undefined) return undefined;
  const kind = info.cap === 0 ? "unbuffered" : `buffered, capacity ${info.cap}`;
  const parts = [
    info.made === undefined ? "" : `made at event ${info.made.index.toLocaleString("en")}${info.madeBy === undefined ? "" : ` by ${goroutineLabelOf(model, info.madeBy)}`}`,
    `${plural(info.sends, "send", "sends")}, ${plural(info.recvs, "receive", "receives")}`,
    info.closed === undefined ? "never closed" : `closed at event ${info.closed.at.index.toLocaleString("en")} by ${goroutineLabelOf(model, info.closed.by)}`,
  ].filter((s) => s !== "");
  return { title: `${chName(model, ch)} — ${kind}`, detail: parts.join(" · ") };
}
