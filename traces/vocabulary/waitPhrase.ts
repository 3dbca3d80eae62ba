// What a parked goroutine waits on, in words: one function, three forms.
//   badge    the shortest, on a blocked span: alternatives longest first, the
//            layout keeps the first that fits ("recv jobs", "jobs")
//   short    a table cell: "recv ← jobs", "send 4 → jobs", "Lock Mutex mu"
//   sentence explanations, tooltips, the CLI:
//            "waiting to receive from `jobs` (unbuffered)"
// Every wait reason has its words for all three forms in one place below.

import type { GoroutineState } from "../codes";
import type { ChanDir, ChannelId, GoroutineId, ObjectId, SelectCase, WaitReason } from "../events";
import type { Nanos } from "../units";
import { channelLabelOf, goroutineTag, objectLabelOf, type EntityLookup } from "./labels";
import { formatTime } from "./units";
import { oneLine } from "./oneLine";

/** What a wait is, as the model's WaitInfo, a block event or a leak event says it. */
export interface WaitFacts {
  readonly reason: WaitReason;
  readonly ch?: ChannelId | undefined;
  readonly obj?: ObjectId | undefined;
  readonly cases?: readonly SelectCase[] | undefined;
  /** The value a parked sender holds. */
  readonly v?: string | undefined;
  /** A sleep's wake-up time. */
  readonly until?: Nanos | undefined;
  /** Where the wait began: a sleep's badge says how long it sleeps. */
  readonly block?: { readonly t: Nanos } | undefined;
}

/**
 * What a sentence may add about the moment it speaks of: a channel's buffer,
 * a WaitGroup's counter. A ModelState is one.
 */
export interface MomentLookup {
  channel(id: ChannelId): { readonly cap: number; readonly len: number; readonly closed: boolean } | undefined;
  object(id: ObjectId): { readonly counter: number | undefined } | undefined;
}

export type WaitForm = "badge" | "short" | "sentence";

/** A piece of the short form: words, or a channel a view may draw as a chip. */
export type ShortPart = string | { readonly ch: ChannelId };

/** The call that parks, as Go's API names it: "send", "recv", "select", "Lock", "RLock", "Wait", "Do", "sleep", "io". */
export function waitVerb(reason: WaitReason): string {
  switch (reason) {
    case "chan send":
    case "chan send (nil chan)":
      return "send";
    case "chan receive":
    case "chan receive (nil chan)":
      return "recv";
    case "select":
      return "select";
    case "select (no cases)":
      return "select {}";
    case "sleep":
      return "sleep";
    case "sync.Mutex.Lock":
    case "sync.RWMutex.Lock":
      return "Lock";
    case "sync.RWMutex.RLock":
      return "RLock";
    case "sync.WaitGroup.Wait":
      return "Wait";
    case "sync.Once.Do":
      return "Do";
    case "io":
      return "io";
    case "sync.Cond.Wait":
    case "errgroup.Group.Wait":
      return "Wait";
    case "semaphore.Weighted.Acquire":
      return "Acquire";
    case "errgroup.Group.Go":
      return "Go";
  }
}

/**
 * A goroutine state in a few words, for a legend, a chip or a tooltip: a
 * blocked state is "blocked: " and Go's wait reason as Go prints it
 * ("blocked: chan receive", "blocked: sync.Mutex.Lock").
 */
export function stateLabel(state: GoroutineState): string {
  const blocked = (reason: WaitReason): string => `blocked: ${reason}`;
  switch (state) {
    case "runnable":
    case "running":
    case "exited":
    case "panicked":
    case "deadlocked":
    case "leaked":
      return state;
    case "blocked-send":
      return blocked("chan send");
    case "blocked-recv":
      return blocked("chan receive");
    case "blocked-send-nil":
      return blocked("chan send (nil chan)");
    case "blocked-recv-nil":
      return blocked("chan receive (nil chan)");
    case "blocked-select":
      return blocked("select");
    case "blocked-select-no-cases":
      return blocked("select (no cases)");
    case "blocked-sleep":
      return "sleeping";
    case "blocked-mutex":
      return blocked("sync.Mutex.Lock");
    case "blocked-rwmutex-read":
      return blocked("sync.RWMutex.RLock");
    case "blocked-rwmutex-write":
      return blocked("sync.RWMutex.Lock");
    case "blocked-waitgroup":
      return blocked("sync.WaitGroup.Wait");
    case "blocked-once":
      return blocked("sync.Once.Do");
    case "blocked-io":
      return blocked("io");
    case "blocked-cond":
      return blocked("sync.Cond.Wait");
    case "blocked-semaphore":
      return blocked("semaphore.Weighted.Acquire");
    case "blocked-errgroup-wait":
      return blocked("errgroup.Group.Wait");
    case "blocked-errgroup-go":
      return blocked("errgroup.Group.Go");
  }
}

/** The channels a wait is on: one for a send or receive, each case's for a select (nil cases and repeats left out). */
export function waitChannels(wait: WaitFacts): readonly ChannelId[] {
  if (wait.cases !== undefined) {
    const out: ChannelId[] = [];
    for (const c of wait.cases) if (c.ch !== null && !out.includes(c.ch)) out.push(c.ch);
    return out;
  }
  return wait.ch === undefined || wait.reason === "chan send (nil chan)" || wait.reason === "chan receive (nil chan)" ? [] : [wait.ch];
}

/** One case of a select in words: "receive from `jobs`", "send to a nil channel". */
export function selectCasePhrase(c: SelectCase, names: EntityLookup | undefined): string {
  return `${c.dir === "recv" ? "receive from" : "send to"} ${channelLabelOf(names, c.ch, "text")}`;
}

const arrow = (dir: ChanDir): string => (dir === "send" ? "→" : "←");

interface Words {
  badge(): readonly string[];
  short(): readonly ShortPart[];
  sentence(): string;
}

function wordsOf(w: WaitFacts, names: EntityLookup | undefined, moment: MomentLookup | undefined): Words {
  const verb = waitVerb(w.reason);
  const value = w.v === undefined ? "" : ` ${oneLine(w.v)}`;
  const alone = (ch: ChannelId): string => channelLabelOf(names, ch);
  const inText = (ch: ChannelId): string => channelLabelOf(names, ch, "text");
  const buffer = (ch: ChannelId): string => {
    const st = moment?.channel(ch);
    if (st === undefined) return "";
    return ` (${st.cap === 0 ? "unbuffered" : `buffered, ${st.len} of ${st.cap}`}${st.closed ? ", closed" : ""})`;
  };
  // Sync objects: the full label first; a badge may shorten it to the object's name.
  const object = (none: string, sentence: (label: string) => string, extra: (obj: ObjectId) => string = () => ""): Words => {
    const obj = w.obj;
    if (obj === undefined) return { badge: () => [verb], short: () => [verb], sentence: () => sentence(none) };
    const label = objectLabelOf(names, obj);
    const name = names?.object(obj)?.name;
    const shortName = name === undefined || name === "" ? label : name;
    return {
      badge: () => [...new Set([`${verb} ${label}`, `${verb} ${shortName}`, shortName])],
      short: () => [`${verb} ${label}`],
      sentence: () => `${sentence(objectLabelOf(names, obj, "text"))}${extra(obj)}`,
    };
  };
  switch (w.reason) {
    case "chan send":
    case "chan receive": {
      const ch = w.ch;
      const send = w.reason === "chan send";
      const head = send ? `waiting to send${value}` : "waiting to receive";
      if (ch === undefined) return { badge: () => [verb], short: () => [`${verb}${send ? value : ""}`], sentence: () => head };
      return {
        badge: () => [`${verb} ${alone(ch)}`, alone(ch)],
        short: () => [`${verb}${send ? value : ""} ${arrow(send ? "send" : "recv")} `, { ch }],
        sentence: () => `${head} ${send ? "to" : "from"} ${inText(ch)}${buffer(ch)}`,
      };
    }
    case "chan send (nil chan)":
    case "chan receive (nil chan)": {
      const send = w.reason === "chan send (nil chan)";
      return {
        badge: () => [`${verb} nil chan`, "nil chan"],
        short: () => [`${verb}${send ? value : ""} ${arrow(send ? "send" : "recv")} nil chan (forever)`],
        sentence: () => (send ? `waiting to send${value} to a nil channel` : "waiting to receive from a nil channel"),
      };
    }
    case "select": {
      const cases = w.cases ?? [];
      return {
        badge: () => {
          const chs = waitChannels(w).map(alone).join(", ");
          return chs === "" ? [verb] : [`${verb} ${chs}`, chs, verb];
        },
        short: () => {
          const parts: ShortPart[] = [verb];
          cases.forEach((c, k) => parts.push(`${k === 0 ? " " : ", "}${arrow(c.dir)} `, c.ch === null ? "nil chan" : { ch: c.ch }));
          return parts;
        },
        sentence: () =>
          cases.length === 0
            ? "waiting in a select"
            : `waiting in a select to ${cases.map((c) => selectCasePhrase(c, names)).join(", or ")}`,
      };
    }
    case "select (no cases)":
      return { badge: () => [verb], short: () => [`${verb} (forever)`], sentence: () => "blocked in a select with no cases" };
    case "sleep": {
      const until = w.until;
      if (until === undefined) return { badge: () => [verb], short: () => [verb], sentence: () => "sleeping" };
      return {
        badge: () => (w.block === undefined ? [verb] : [`${verb} ${formatTime(until - w.block.t)}`, verb]),
        short: () => [`${verb} until ${formatTime(until)}`],
        sentence: () => `sleeping until ${formatTime(until)}`,
      };
    }
    case "sync.Mutex.Lock":
    case "sync.RWMutex.Lock":
      return object("a mutex", (o) => `waiting to lock ${o}`);
    case "sync.RWMutex.RLock":
      return object("an RWMutex", (o) => `waiting to read-lock ${o}`);
    case "sync.WaitGroup.Wait":
      return object(
        "a WaitGroup",
        (o) => `waiting for ${o}`,
        (obj) => {
          const counter = moment?.object(obj)?.counter;
          return counter === undefined ? "" : ` (counter ${counter})`;
        },
      );
    case "sync.Once.Do":
      return object("a Once", (o) => `waiting for ${o} to finish its function`);
    case "io":
      return { badge: () => [verb], short: () => [verb], sentence: () => "waiting for an io operation" };
    case "sync.Cond.Wait":
      return object("a Cond", (o) => `waiting on ${o} for a Signal or Broadcast`);
    case "semaphore.Weighted.Acquire":
      return object("a semaphore", (o) => `waiting to acquire ${o}`);
    case "errgroup.Group.Wait":
      return object("an errgroup", (o) => `waiting for the tasks of ${o}`);
    case "errgroup.Group.Go":
      return object("an errgroup", (o) => `waiting for room to start a task of ${o} (its limit is reached)`);
  }
}

/** The short form with each channel's label in place of its part. */
function shortText(parts: readonly ShortPart[], names: EntityLookup | undefined): string {
  return parts.map((p) => (typeof p === "string" ? p : channelLabelOf(names, p.ch))).join("");
}

/**
 * A wait in words. `names` finds the labels of the channels and objects it is
 * on; `moment`, when given, lets a sentence add a channel's buffer and a
 * WaitGroup's counter at that moment.
 */
export function waitPhrase(wait: WaitFacts, form: "badge", names: EntityLookup | undefined): readonly string[];
export function waitPhrase(wait: WaitFacts, form: "short" | "sentence", names: EntityLookup | undefined, moment?: MomentLookup): string;
export function waitPhrase(
  wait: WaitFacts,
  form: WaitForm,
  names: EntityLookup | undefined,
  moment?: MomentLookup,
): string | readonly string[] {
  const words = wordsOf(wait, names, moment);
  switch (form) {
    case "badge":
      return words.badge();
    case "short":
      return shortText(words.short(), names);
    case "sentence":
      return words.sentence();
  }
}

/** The short form in pieces, for a view that draws each channel as a chip. */
export function waitShortParts(wait: WaitFacts, names: EntityLookup | undefined): readonly ShortPart[] {
  return wordsOf(wait, names, undefined).short();
}

/**
 * A waiter the wait-for graph calls stuck, in words: no goroutine the trace
 * has shown up to this moment can act for it (a later one might). Neutral:
 * mid-run this is no alarm, only what the trace shows so far.
 */
export const STUCK_PHRASE = "no goroutine seen so far can act on what it waits on";

/** A stuck waiter once the run is over (the runtime declared a deadlock, or main returned): stuck for good. */
export const STUCK_FOR_GOOD_PHRASE = "stuck: nothing can ever wake it";

/**
 * Who could wake a waiter, as far as the trace shows at this moment: the
 * wakers' labels, or that none is seen yet, or (once the run is over and none
 * can) that it is stuck for good. Empty when it wakes by itself (a timer, io).
 */
export function wakersPhrase(wakers: readonly string[], stuck: boolean, verdict: boolean, wakesByItself: boolean): string {
  if (stuck) return verdict ? STUCK_FOR_GOOD_PHRASE : STUCK_PHRASE;
  if (wakers.length > 0) return `could be woken by ${wakers.join(", ")}`;
  return wakesByItself ? "" : "could still be woken";
}

/** One step of a wait cycle: g waits on `via` for a goroutine that could act on it. */
export interface CycleStepFacts {
  readonly g: GoroutineId;
  readonly waitsFor: GoroutineId;
  readonly reason: WaitReason;
  readonly via: { readonly kind: "channel"; readonly id: ChannelId } | { readonly kind: "object"; readonly id: ObjectId };
}

/**
 * A wait cycle in one line: "G2, waiting to receive from `a`, waits for G3;
 * G3, waiting to receive from `b`, waits for G2". Each goroutine's own wait
 * (from `waitOf`) says what it waits on; without one, the step's resource does.
 */
export function waitCyclePhrase(
  steps: readonly CycleStepFacts[],
  waitOf: (g: GoroutineId) => WaitFacts | undefined,
  names: EntityLookup | undefined,
): string {
  return steps
    .map((s) => {
      const wait = waitOf(s.g) ?? (s.via.kind === "channel" ? { reason: s.reason, ch: s.via.id } : { reason: s.reason, obj: s.via.id });
      return `${goroutineTag(s.g)}, ${waitPhrase(wait, "sentence", names)}, waits for ${goroutineTag(s.waitsFor)}`;
    })
    .join("; ");
}
