// How goroutines, channels and sync objects are named everywhere in the UI, so
// the inspector, the graph, the banner and the event list agree.

import type { ChannelId, GoroutineId, ObjectId } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";

/** "G2". The runtime (id 0) is "runtime". */
export const goroutineTag = (g: GoroutineId): string => (g === 0 ? "runtime" : `G${g}`);

/** "G2 consumer", or "G2" when unnamed. */
export function goroutineLabel(model: TraceModel | undefined, g: GoroutineId): string {
  if (g === 0) return "runtime";
  const name = model?.goroutine(g)?.name;
  return name === undefined || name === "" ? `G${g}` : `G${g} ${name}`;
}

/** The channel's name, or "ch#3". */
export function channelLabel(model: TraceModel | undefined, ch: ChannelId | null): string {
  if (ch === null) return "nil chan";
  const name = model?.channel(ch)?.name;
  return name === undefined || name === "" ? `ch#${ch}` : name;
}

/** "Mutex mu", "WaitGroup #2". */
export function objectLabel(model: TraceModel | undefined, obj: ObjectId): string {
  const o = model?.object(obj);
  if (o === undefined) return `object #${obj}`;
  return o.name === undefined || o.name === "" ? `${o.type} #${obj}` : `${o.type} ${o.name}`;
}
