// Words for what a parked goroutine waits on (the model's WaitInfo), for the
// badges on blocked spans and for tooltips.

import type { ChannelId, EventIndex, ObjectId } from "../../traces/events";
import { formatTime, type TraceModel, type WaitInfo } from "../../traces/model/index";
import { channelLabel } from "./lanes";

/** The channels a wait is on: one for a send/receive, each case's for a select (nil cases left out). */
export function waitChannels(wait: WaitInfo): readonly ChannelId[] {
  if (wait.cases !== undefined) {
    const out: ChannelId[] = [];
    for (const c of wait.cases) if (c.ch !== null && !out.includes(c.ch)) out.push(c.ch);
    return out;
  }
  return wait.ch === undefined || wait.reason.includes("nil chan") ? [] : [wait.ch];
}

const objectLabel = (model: TraceModel, obj: ObjectId, what: string): string => {
  const o = model.object(obj);
  return o?.name !== undefined && o.name !== "" ? o.name : `${what} #${obj}`;
};

const chName = (model: TraceModel, ch: ChannelId): string => channelLabel(model.channel(ch), ch);

/**
 * What a badge on a blocked span can say, longest first: the layout keeps the
 * first that fits ("recv jobs", then "jobs").
 */
export function waitBadgeTexts(model: TraceModel, wait: WaitInfo): readonly string[] {
  const obj = wait.obj;
  switch (wait.reason) {
    case "chan send":
    case "chan receive": {
      const name = wait.ch === undefined ? "chan" : chName(model, wait.ch);
      return [`${wait.reason === "chan send" ? "send" : "recv"} ${name}`, name];
    }
    case "chan send (nil chan)":
    case "chan receive (nil chan)":
      return ["nil chan", "nil"];
    case "select": {
      const names = waitChannels(wait).map((ch) => chName(model, ch));
      return names.length === 0 ? ["select"] : [`select ${names.join(", ")}`, names.join(", "), "select"];
    }
    case "select (no cases)":
      return ["select {}"];
    case "sleep":
      return wait.until === undefined ? ["sleep"] : [`sleep ${formatTime(wait.until - wait.block.t)}`, "sleep"];
    case "sync.Mutex.Lock":
    case "sync.RWMutex.Lock":
      return obj === undefined ? ["lock"] : [`lock ${objectLabel(model, obj, "mutex")}`, objectLabel(model, obj, "mutex")];
    case "sync.RWMutex.RLock":
      return obj === undefined ? ["rlock"] : [`rlock ${objectLabel(model, obj, "rwmutex")}`, objectLabel(model, obj, "rwmutex")];
    case "sync.WaitGroup.Wait":
      return obj === undefined ? ["wait"] : [`wait ${objectLabel(model, obj, "wg")}`, objectLabel(model, obj, "wg")];
    case "sync.Once.Do":
      return obj === undefined ? ["once"] : [`once ${objectLabel(model, obj, "once")}`, "once"];
    case "io":
      return ["io"];
  }
}

/** "chan receive on `jobs`", "select on `jobs`, `quit`", "sleep until 2s": for tooltips. */
export function describeWait(model: TraceModel, wait: WaitInfo): string {
  const q = (ch: ChannelId): string => `\`${chName(model, ch)}\``;
  switch (wait.reason) {
    case "chan send":
    case "chan receive":
      return wait.ch === undefined ? wait.reason : `${wait.reason} on ${q(wait.ch)}`;
    case "select": {
      const chs = waitChannels(wait);
      return chs.length === 0 ? "select" : `select on ${chs.map(q).join(", ")}`;
    }
    case "sleep":
      return wait.until === undefined ? "sleep" : `sleep until ${formatTime(wait.until)}`;
    case "sync.Mutex.Lock":
    case "sync.RWMutex.Lock":
    case "sync.RWMutex.RLock":
    case "sync.WaitGroup.Wait":
    case "sync.Once.Do":
      return wait.obj === undefined ? wait.reason : `${wait.reason} on \`${objectLabel(model, wait.obj, "object")}\``;
    default:
      return wait.reason;
  }
}

/** The channel a select event's chosen case used, or undefined for default (or not a select). */
export function chosenChannel(model: TraceModel, selectIndex: EventIndex): ChannelId | undefined {
  const id = model.selects.ofEvent(selectIndex);
  if (id === undefined) return undefined;
  const d = model.selects.decision(id);
  if (d.at.index !== selectIndex || d.chosen < 0) return undefined;
  return d.cases[d.chosen]?.ch ?? undefined;
}
