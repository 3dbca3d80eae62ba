// What goroutines, channels, sync objects and contexts are called, everywhere:
// from an entity's plain facts (so the runtime and the CLI need no model), or
// by id through anything that looks them up (a TraceModel or a ModelState is one).

import type { ChannelId, ContextId, GoroutineId, ObjectId, SyncType } from "../events";
import { oneLine } from "./oneLine";

export interface GoroutineFacts {
  readonly id: GoroutineId;
  readonly name?: string | undefined;
}

export interface ChannelFacts {
  readonly id: ChannelId;
  readonly name?: string | undefined;
}

export interface ObjectFacts {
  readonly id: ObjectId;
  readonly type: SyncType;
  readonly name?: string | undefined;
}

/** Where labels find an entity by id. A TraceModel is one; so is a ModelState. */
export interface EntityLookup {
  goroutine(id: GoroutineId): GoroutineFacts | undefined;
  channel(id: ChannelId): ChannelFacts | undefined;
  object(id: ObjectId): ObjectFacts | undefined;
}

/**
 * How a label stands. "alone": in a chip, a lane, a graph node, a table cell.
 * "text": inside words, where the program's own identifier is set in
 * backticks so it cannot be read as English ("receive from `done`").
 */
export type LabelPlace = "alone" | "text";

const named = (name: string | undefined): name is string => name !== undefined && name !== "";
const code = (name: string, place: LabelPlace): string => (place === "text" ? `\`${oneLine(name)}\`` : oneLine(name));

/** "G2"; the runtime (goroutine 0: timers, io, the scheduler) is "runtime". */
export const goroutineTag = (id: GoroutineId): string => (id === 0 ? "runtime" : `G${id}`);

/** "G2 worker", "G2" when unnamed, "runtime" for goroutine 0. The same alone and in text. */
export function goroutineLabel(g: GoroutineFacts): string {
  return g.id === 0 || !named(g.name) ? goroutineTag(g.id) : `G${g.id} ${oneLine(g.name)}`;
}

/** "jobs"; "chan #3" when unnamed; `null` (a nil channel) is "nil chan", in text "a nil channel". */
export function channelLabel(c: ChannelFacts | null, place: LabelPlace = "alone"): string {
  if (c === null) return place === "text" ? "a nil channel" : "nil chan";
  return named(c.name) ? code(c.name, place) : `chan #${c.id}`;
}

/**
 * The channel's label with the word "chan" in front when the label does not
 * say it already ("chan jobs", "chan #3"): for where nothing around it says it
 * is a channel (a graph node, "make chan `jobs`", an exported track).
 */
export function channelNoun(c: ChannelFacts | null, place: LabelPlace = "alone"): string {
  return c !== null && named(c.name) ? `chan ${code(c.name, place)}` : channelLabel(c, place);
}

/** "Mutex mu", "WaitGroup #2"; in text "Mutex `mu`". */
export function objectLabel(o: ObjectFacts, place: LabelPlace = "alone"): string {
  return named(o.name) ? `${o.type} ${code(o.name, place)}` : `${o.type} #${o.id}`;
}

/** "ctx 2", as the runtime names a context's done channel "ctx 2 done". */
export const contextLabel = (id: ContextId): string => `ctx ${id}`;

/** goroutineLabel by id; an id the lookup does not know is its tag. */
export function goroutineLabelOf(names: EntityLookup | undefined, id: GoroutineId): string {
  return goroutineLabel(names?.goroutine(id) ?? { id });
}

/** channelLabel by id; `null` is the nil channel. */
export function channelLabelOf(names: EntityLookup | undefined, id: ChannelId | null, place: LabelPlace = "alone"): string {
  return channelLabel(id === null ? null : (names?.channel(id) ?? { id }), place);
}

/** objectLabel by id; an object the lookup does not know is "sync object #5". */
export function objectLabelOf(names: EntityLookup | undefined, id: ObjectId, place: LabelPlace = "alone"): string {
  const o = names?.object(id);
  return o === undefined ? `sync object #${id}` : objectLabel(o, place);
}
