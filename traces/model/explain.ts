// How a run ended, in plain language and as data: for a deadlock Go's message
// and, per goroutine, what it waits on and why nothing can wake it, plus any
// wait cycle; for leaks the same per leaked goroutine; for a panic where and
// why; for a timeout which limit; for a trace without an end, that it was cut.

import type { ChannelId, EndEvent, EventIndex, GoroutineId, PanicEvent, RunStatus, SourceLoc } from "../events";
import {
  channelLabelOf,
  DEADLOCK_MESSAGE,
  eventNumber,
  GOEXIT_DEADLOCK_MESSAGE,
  MAIN_ENDS_PROGRAM,
  mainReturnedHeadline,
  mainReturnedKind,
  unawaitedWhy,
  type EndingKind,
  formatTime,
  goroutineHeader,
  goroutineTag,
  objectLabelOf,
  panicHeadline,
  SEND_ON_CLOSED_CHANNEL,
  waitCyclePhrase,
  waitPhrase,
} from "../vocabulary/index";

import type { EventRef } from "./eventRef";
import type { ExplainedCycle, ExplanationItem, ExplanationItemKind, PanicSummary, RunExplanation, RunOutcome } from "./explanation";
import type { GoroutineStateAt, ModelState } from "./stateAt";
import type { TraceModel } from "./traceModel";
import type { ResourceRef, WaitCycle, WaitDependency } from "./waitForGraph";

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
/** How many goroutines a sentence names before it says "and N more". */
const LIST_MAX = 8;
const list = (gs: readonly GoroutineId[]): string =>
  listSorted(
    [...gs].sort((a, b) => a - b),
    gs.length,
  );

/** Names the first LIST_MAX of `sorted` (ids, ascending, `count` of them after `except` is left out), then "and N more". */
function listSorted(sorted: readonly GoroutineId[], count: number, except?: GoroutineId): string {
  const shown: string[] = [];
  for (let k = 0; k < sorted.length && shown.length < LIST_MAX; k++)
    if (sorted[k] !== except) shown.push(goroutineTag(sorted[k] as GoroutineId));
  return count > LIST_MAX ? `${shown.join(", ")} and ${count - LIST_MAX} more` : shown.join(", ");
}

/**
 * The goroutines that used a set of resources, by what became of them. Built
 * once per set: every goroutine parked on one channel asks about the same
 * users, and a channel with 20,000 of them must not cost 20,000² steps.
 */
interface UserGroups {
  /** Ids, ascending. */
  readonly exited: readonly GoroutineId[];
  readonly panicked: readonly GoroutineId[];
  /** In the order they were found (the resources' users, then their queues). */
  readonly waiting: readonly GoroutineStateAt[];
  readonly live: readonly GoroutineStateAt[];
  /** Which group each user is in. */
  readonly groupOf: ReadonlyMap<GoroutineId, UserGroup>;
}

type UserGroup = "exited" | "panicked" | "waiting" | "live";

class Describer {
  private readonly userGroups = new Map<string, UserGroups>();

  constructor(
    private readonly model: TraceModel,
    private readonly state: ModelState,
    /** Goroutines whose function returned while an operation was pending: the warning's event and the operation's line. */
    readonly unawaited: ReadonlyMap<GoroutineId, { readonly at: EventRef; readonly loc: SourceLoc | undefined }>,
  ) {}

  channelName(id: ChannelId): string {
    return channelLabelOf(this.model, id, "text");
  }

  resourceName(r: ResourceRef): string {
    return r.kind === "channel" ? this.channelName(r.id) : objectLabelOf(this.model, r.id, "text");
  }

  /** What g waits on; with the channel's buffer or the WaitGroup's counter at this moment. */
  waiting(g: GoroutineStateAt): string {
    return g.wait === undefined ? g.state : waitPhrase(g.wait, "sentence", this.model, this.state);
  }

  /** What g waits on, briefly: for a goroutine named in another's sentence. */
  waitingBriefly(g: GoroutineStateAt): string {
    return g.wait === undefined ? g.state : waitPhrase(g.wait, "sentence", this.model);
  }

  /** "G3 is blocked too (waiting to send to `x`)" for a goroutine that could have acted. */
  otherWait(g: GoroutineStateAt): string {
    const what = this.waitingBriefly(g);
    return g.state === "leaked" ? `${goroutineTag(g.id)} leaked too (${what})` : `${goroutineTag(g.id)} is blocked too (${what})`;
  }

  private usersOf(resources: readonly ResourceRef[]): UserGroups {
    const key = resources.map((r) => `${r.kind}:${r.id}`).join(" ");
    let groups = this.userGroups.get(key);
    if (groups !== undefined) return groups;
    const seen = new Map<GoroutineId, UserGroup>();
    const exited: GoroutineId[] = [];
    const panicked: GoroutineId[] = [];
    const waiting: GoroutineStateAt[] = [];
    const live: GoroutineStateAt[] = [];
    const consider = (h: GoroutineId): void => {
      if (seen.has(h)) return;
      const st = this.state.goroutine(h);
      if (st === undefined) return;
      const group: UserGroup =
        st.state === "exited" ? "exited" : st.state === "panicked" ? "panicked" : st.wait !== undefined ? "waiting" : "live";
      seen.set(h, group);
      switch (group) {
        case "exited":
          exited.push(h);
          break;
        case "panicked":
          panicked.push(h);
          break;
        case "waiting":
          waiting.push(st);
          break;
        case "live":
          live.push(st);
          break;
      }
    };
    for (const r of resources) {
      const users = r.kind === "channel" ? this.model.channel(r.id)?.users : this.model.object(r.id)?.users;
      for (const u of users ?? []) if (u.first <= this.state.index) consider(u.g);
      if (r.kind === "channel") {
        const st = this.state.channel(r.id);
        for (const q of [...(st?.sendq ?? []), ...(st?.recvq ?? [])]) consider(q.g);
      } else {
        const o = this.state.object(r.id);
        if (o?.holder !== undefined) consider(o.holder);
        if (o?.onceBy !== undefined && o.once === "running") consider(o.onceBy);
      }
    }
    groups = { exited: exited.sort((a, b) => a - b), panicked: panicked.sort((a, b) => a - b), waiting, live, groupOf: seen };
    this.userGroups.set(key, groups);
    return groups;
  }

  /** What became of the other goroutines that used these resources. */
  others(g: GoroutineId, resources: readonly ResourceRef[], role: string): string {
    const u = this.usersOf(resources);
    // g itself is among the users: left out of every count and list below.
    const mine = u.groupOf.get(g);
    const without = (group: UserGroup, size: number): number => size - (mine === group ? 1 : 0);
    const exitedCount = without("exited", u.exited.length);
    const panickedCount = without("panicked", u.panicked.length);
    const waitingCount = without("waiting", u.waiting.length);
    const liveCount = without("live", u.live.length);
    const firstOthers = (xs: readonly GoroutineStateAt[], say: (st: GoroutineStateAt) => string): string[] => {
      const out: string[] = [];
      for (let k = 0; k < xs.length && out.length < LIST_MAX; k++)
        if ((xs[k] as GoroutineStateAt).id !== g) out.push(say(xs[k] as GoroutineStateAt));
      return out;
    };
    const parts: string[] = [];
    const n = exitedCount + panickedCount + waitingCount + liveCount;
    if (n === 0) {
      const maker = resources.length === 1 && resources[0]?.kind === "channel" ? this.model.channel(resources[0].id)?.madeBy : undefined;
      const st = maker === undefined || maker === g ? undefined : this.state.goroutine(maker);
      const made =
        st === undefined
          ? ""
          : `; ${goroutineTag(st.id)} made it and ${st.wait !== undefined ? `is blocked (${this.waitingBriefly(st)})` : st.state === "exited" || st.state === "panicked" ? `has ${st.state}` : `is ${st.state}`}`;
      return `no other goroutine has ${role} it${made}`;
    }
    const gone = (gs: readonly GoroutineId[], count: number, verb: string): string =>
      `${listSorted(gs, count, g)} ${plural(count, "has", "have")} ${verb}`;
    if (exitedCount > 0) parts.push(gone(u.exited, exitedCount, "exited"));
    if (panickedCount > 0) parts.push(gone(u.panicked, panickedCount, "panicked"));
    parts.push(...firstOthers(u.waiting, (st) => this.otherWait(st)));
    if (waitingCount > LIST_MAX) parts.push(`${waitingCount - LIST_MAX} more are blocked too`);
    parts.push(...firstOthers(u.live, (st) => `${goroutineTag(st.id)} is ${st.state}`));
    if (liveCount > LIST_MAX) parts.push(`${liveCount - LIST_MAX} more could still run`);
    if (parts.length === 1 && waitingCount === 0 && liveCount === 0) {
      return `its other ${plural(n, "user", "users")} ${parts[0] as string}`;
    }
    return `of its other users, ${parts.join("; ")}`;
  }

  why(g: GoroutineStateAt, dep: WaitDependency | undefined): string {
    const w = g.wait;
    if (w === undefined) return "";
    const res = dep?.resources ?? [];
    const live = (dep?.actors ?? []).filter((a) => {
      const s = this.state.goroutine(a.g);
      return s !== undefined && s.wait === undefined && s.state !== "exited" && s.state !== "panicked";
    });
    const still =
      dep !== undefined && !dep.stuck
        ? live.length > 0
          ? `; ${list([...new Set(live.map((a) => a.g))])} could still act on it`
          : "; it could still be woken"
        : "";
    if (dep?.timer !== undefined) {
      return `and ${this.resourceName(dep.timer)} is fed by a timer still armed, so it will wake`;
    }
    // Not stuck: say who could act, never "no running goroutine can…" (a waiter mid-run, or when a limit stopped the run).
    if (dep !== undefined && !dep.stuck && w.reason !== "sleep" && w.reason !== "io") {
      return live.length > 0 ? `and ${list([...new Set(live.map((a) => a.g))])} could still act on it` : "and it could still be woken";
    }
    switch (w.reason) {
      case "chan receive":
        return `which no running goroutine can send to: ${this.others(g.id, res, "used")}${still}${this.neverClosed(g.id, w.ch, dep)}`;
      case "chan send":
        return `which no running goroutine receives from: ${this.others(g.id, res, "used")}${still}`;
      case "select":
        return res.length === 0
          ? "and every case is on a nil channel, so it blocks for ever"
          : `and no running goroutine can act on any of them: ${this.others(g.id, res, "used")}${still}`;
      case "chan receive (nil chan)":
      case "chan send (nil chan)":
        return "and a nil channel is never ready, so it blocks for ever";
      case "select (no cases)":
        return "which blocks for ever";
      case "sleep":
        return g.state === "leaked" ? "and main returned before its timer fired" : "and it wakes when its timer fires";
      case "io":
        return "and the operation had not completed";
      case "sync.Mutex.Lock":
      case "sync.RWMutex.Lock":
      case "sync.RWMutex.RLock": {
        const o = w.obj === undefined ? undefined : this.state.object(w.obj);
        const holders = o === undefined ? [] : [...(o.holder === undefined ? [] : [o.holder]), ...o.readers];
        if (holders.length === 0) return `and no goroutine holds it${still}`;
        return `held by ${holders
          .map((h) => {
            const st = this.state.goroutine(h);
            const tag = goroutineTag(h);
            if (st === undefined) return tag;
            if (st.state === "exited" || st.state === "panicked") return `${tag}, which has ${st.state} without unlocking it`;
            if (st.wait !== undefined) return `${tag}, which ${this.otherWait(st).replace(`${tag} is `, "is ").replace(`${tag} `, "")}`;
            return `${tag} (${st.state})`;
          })
          .join(" and ")}${still}`;
      }
      case "sync.WaitGroup.Wait":
        return `and only Done calls can bring the counter to zero: ${this.countHolders(g.id, dep) ?? this.others(g.id, res, "called Add or Done on")}${still}`;
      case "sync.Once.Do":
        return `while ${this.others(g.id, res, "started")}${still}`;
      case "sync.Cond.Wait":
        return `and only a Signal or Broadcast wakes it: ${this.others(g.id, res, "used")}${still}`;
      case "semaphore.Weighted.Acquire":
        return `and only a Release makes room: ${this.others(g.id, res, "used")}${still}`;
      case "errgroup.Group.Wait":
        return `until every task of the group returns: ${this.others(g.id, res, "used")}${still}`;
      case "errgroup.Group.Go":
        return `because the group's limit is reached, until one of its tasks returns: ${this.others(g.id, res, "used")}${still}`;
    }
  }

  /**
   * Who holds a stuck WaitGroup's count: the goroutines started after its Add
   * that never called Done, and why their Done cannot come. Undefined when the
   * trace shows none (then the users are described instead).
   */
  private countHolders(g: GoroutineId, dep: WaitDependency | undefined): string | undefined {
    if (dep?.stuck !== true) return undefined;
    const holders = [...new Set(dep.actors.filter((a) => a.role === "counted").map((a) => a.g))].sort((a, b) => a - b);
    if (holders.length === 0) return undefined;
    const one = holders.length === 1;
    const names = holders.length === 2 ? holders.map((h) => goroutineTag(h)).join(" and ") : list(holders);
    const who = `${names} ${one ? "holds" : "hold"} the count (${one ? "it was" : "they were"} started after Add and ${one ? "has" : "have"} not called Done)`;
    const inCycle = new Set(this.state.waitFor.cycles.flatMap((c) => c.steps.map((s) => s.g)));
    if (holders.every((h) => inCycle.has(h))) {
      return `${who}, and ${one ? "its" : "their"} Done can never run: ${one ? "it is" : "they are"} blocked in the wait cycle`;
    }
    const states = holders.slice(0, LIST_MAX).map((h) => {
      const st = this.state.goroutine(h);
      return st === undefined ? goroutineTag(h) : st.wait !== undefined ? this.otherWait(st) : `${goroutineTag(h)} is ${st.state}`;
    });
    return `${who}, and ${one ? "its" : "their"} Done can never run: ${states.join("; ")}`;
  }

  /**
   * A receiver stuck on a channel that was sent on and never closed: the lesson of
   * a range that never ends is that nobody closed it.
   */
  private neverClosed(g: GoroutineId, ch: ChannelId | undefined, dep: WaitDependency | undefined): string {
    if (ch === undefined || dep?.stuck !== true) return "";
    const st = this.state.channel(ch);
    if (st === undefined || st.closed || (this.model.channel(ch)?.sends ?? 0) === 0) return "";
    // Only when every other user is gone: then closing it was the one thing left to do.
    const u = this.usersOf(dep.resources);
    const stillHere = [...u.waiting, ...u.live].some((o) => o.id !== g);
    const gone = [...u.exited, ...u.panicked].some((o) => o !== g);
    return !stillHere && gone ? ", and nobody closed it: a range over a channel ends only when the channel is closed" : "";
  }

  item(g: GoroutineStateAt, kind: ExplanationItemKind): ExplanationItem {
    const dep = this.state.waitFor.dependency(g.id);
    const summary = `${goroutineHeader(g, g.wait?.reason ?? g.state)}: ${this.waiting(g)}`;
    const missing = this.unawaited.get(g.id);
    // Left on an operation it never awaited: that is the whole story, whoever else could have acted.
    const why = missing !== undefined && g.wait !== undefined ? unawaitedWhy(missing.loc ?? g.wait.loc) : this.why(g, dep);
    return Object.freeze({
      g: g.id,
      name: g.name,
      kind,
      state: g.state,
      reason: g.wait?.reason,
      resources: dep?.resources ?? Object.freeze([]),
      lastBlock: g.wait?.block,
      jumpTo: g.wait?.block,
      loc: g.wait?.loc,
      summary,
      why,
      text: why === "" ? summary : `${summary}, ${why}`,
    });
  }

  /**
   * A goroutine parked when main returned that would have gone on (a sleeper, a
   * receiver a timer feeds, or one a goroutine still going could wake): main's
   * return cut it off, as it cuts off a runnable one.
   */
  cutOff(g: GoroutineStateAt): ExplanationItem {
    const dep = this.state.waitFor.dependency(g.id);
    const w = g.wait;
    const would =
      w?.reason === "sleep"
        ? "main returned before its timer fired"
        : dep?.timer !== undefined
          ? `${this.resourceName(dep.timer)} is fed by a timer, but main returned before it fired`
          : w?.reason === "io"
            ? "main returned before the operation completed"
            : "it could still have been woken, but main returned first";
    const why = `and ${would}; ${MAIN_ENDS_PROGRAM}`;
    const summary = `${goroutineHeader(g, w?.reason ?? g.state)}: ${this.waiting(g)}`;
    return Object.freeze({
      g: g.id,
      name: g.name,
      kind: "unfinished",
      state: g.state,
      reason: w?.reason,
      resources: dep?.resources ?? Object.freeze([]),
      lastBlock: w?.block,
      jumpTo: w?.block,
      loc: w?.loc,
      summary,
      why,
      text: `${summary}, ${why}`,
    });
  }

  /** main, whose function returned while its operation was pending: main's return ended the program there. */
  unawaitedMain(g: GoroutineStateAt, missing: { readonly at: EventRef; readonly loc: SourceLoc | undefined }): ExplanationItem {
    const summary = `${goroutineHeader(g)}: returned while an operation it started was still pending`;
    const why = `${unawaitedWhy(missing.loc).replace(/^and /, "")}; main's return ended the program there`;
    return Object.freeze({
      g: g.id,
      name: g.name,
      kind: "unawaited",
      state: g.state,
      reason: undefined,
      resources: Object.freeze([]),
      lastBlock: lastBlockOf(this.model, g.id, missing.at.index),
      jumpTo: missing.at,
      loc: missing.loc,
      summary,
      why,
      text: `${summary}; ${why}`,
    });
  }

  /** A goroutine that was runnable when main returned: the program ended under it. */
  unfinished(g: GoroutineStateAt): ExplanationItem {
    const neverRan = this.model.event(g.since.index).kind === "spawn";
    const summary = `${goroutineHeader(g, "runnable")}: ${neverRan ? "started with go but never ran" : "ready to go on, but never got the chance"}`;
    const why = `main returned before it ${neverRan ? "ran" : "finished"}; ${MAIN_ENDS_PROGRAM}`;
    return Object.freeze({
      g: g.id,
      name: g.name,
      kind: "unfinished",
      state: g.state,
      reason: undefined,
      resources: Object.freeze([]),
      lastBlock: undefined,
      jumpTo: g.since,
      loc: undefined,
      summary,
      why,
      text: `${summary}; ${why}`,
    });
  }

  cycle(c: WaitCycle): ExplainedCycle {
    const text = waitCyclePhrase(c.steps, (g) => this.state.goroutine(g)?.wait, this.model);
    return Object.freeze({ ...c, text });
  }
}

const LIMITS: Readonly<Record<NonNullable<EndEvent["limit"]>, string>> = {
  events: "the run was stopped after reaching its event limit",
  "virtual-time": "the run was stopped after reaching its virtual-time limit",
  "wall-time": "the run was stopped after reaching its wall-clock time limit",
  stopped: "the run was stopped by the user",
};

export function explainRun(model: TraceModel): RunExplanation {
  const n = model.length;
  const ending = model.ending;
  if (n === 0) {
    return freeze({
      outcome: "truncated",
      ending: "truncated",
      status: undefined,
      headline: "The trace has no events.",
      items: [],
      cycles: [],
      panic: undefined,
      limit: undefined,
      text: "The trace has no events.",
    });
  }
  const state = model.stateAt((n - 1) as EventIndex);
  const unawaited = new Map<GoroutineId, { readonly at: EventRef; readonly loc: SourceLoc | undefined }>();
  for (const at of ending.warnings) {
    const e = model.event(at.index);
    if (e.kind === "warn" && e.unawaited === true && !unawaited.has(e.g)) unawaited.set(e.g, { at, loc: e.loc });
  }
  const d = new Describer(model, state, unawaited);
  const waiters = state.goroutines.filter((g) => g.wait !== undefined);
  const cycles = state.waitFor.cycles.map((c) => d.cycle(c));
  const cycleText = cycles.length === 0 ? "" : `\n\n${cycles.map((c) => `Wait cycle: ${c.text}.`).join("\n")}`;
  const lines = (items: readonly ExplanationItem[]): string => items.map((it) => it.text).join("\n");

  const lastPanic = ending.panics.at(-1);
  const panicEvent = lastPanic === undefined ? undefined : (model.event(lastPanic.index) as PanicEvent);
  const panic: PanicSummary | undefined =
    panicEvent === undefined || lastPanic === undefined
      ? undefined
      : Object.freeze({
          g: panicEvent.g,
          at: lastPanic,
          message: panicEvent.message,
          fatal: panicEvent.fatal === true,
          loc: panicEvent.loc,
          stack: panicEvent.stack,
        });

  if (ending.end === undefined) {
    const last = model.columns.length - 1;
    const items = waiters.map((g) => d.item(g, "blocked"));
    const extra =
      ending.deadlock !== undefined
        ? " The runtime had declared a deadlock just before the cut."
        : panic !== undefined
          ? ` ${goroutineTag(panic.g)} had panicked just before the cut: ${panic.message}.`
          : "";
    const headline = `The trace was cut off after event ${eventNumber(last)} (t=${formatTime(model.endTime)}): it has no end event, so how the run ended is unknown.${extra}`;
    const text = items.length === 0 ? headline : `${headline}\n\nAt the cut:\n${lines(items)}${cycleText}`;
    return freeze({ outcome: "truncated", ending: "truncated", status: undefined, headline, items, cycles, panic, limit: undefined, text });
  }

  const status = ending.status as RunStatus;
  switch (status) {
    case "deadlock": {
      const dead = state.goroutines.filter((g) => g.state === "deadlocked");
      const items = (dead.length > 0 ? dead : waiters).map((g) => d.item(g, "deadlocked"));
      // Go's other deadlock: main called goexit and every other goroutine exited.
      const headline = ending.message === GOEXIT_DEADLOCK_MESSAGE ? GOEXIT_DEADLOCK_MESSAGE : DEADLOCK_MESSAGE;
      return freeze({
        outcome: "deadlock",
        ending: "deadlock",
        status,
        headline,
        items,
        cycles,
        panic: undefined,
        limit: undefined,
        text: `${headline}\n\n${lines(items)}${cycleText}`,
      });
    }
    case "panic": {
      const items: ExplanationItem[] = [];
      let headline = ending.message ?? "panic";
      let text = headline;
      if (panic !== undefined) {
        headline = panicHeadline(panic.message, panic.fatal);
        const g = state.goroutine(panic.g);
        const name = model.goroutine(panic.g)?.name;
        const who = panic.g === 0 ? "the runtime" : goroutineHeader({ id: panic.g, name });
        const summary = `${who} panicked${panic.loc === undefined ? "" : ` at ${panic.loc}`}: ${panic.message}`;
        const why = panicCause(model, d, panic);
        items.push(
          Object.freeze({
            g: panic.g,
            name,
            kind: "panicked",
            state: g?.state ?? "panicked",
            reason: undefined,
            resources: Object.freeze([]),
            lastBlock: lastBlockOf(model, panic.g, panic.at.index),
            jumpTo: panic.at,
            loc: panic.loc,
            summary,
            why,
            text: `${summary}; ${why}`,
          }),
        );
        text = `${headline}\n\n${items[0]?.text ?? ""}${panic.stack === undefined ? "" : `\n\n${panic.stack}`}`;
      }
      return freeze({ outcome: "panic", ending: "panic", status, headline, items, cycles: [], panic, limit: undefined, text });
    }
    case "timeout": {
      const limit = ending.limit;
      const base = limit === undefined ? "the run was stopped by a limit" : LIMITS[limit];
      // The runtime's message for a known limit says the same thing again ("stopped: the event limit was reached").
      const detail = limit === undefined && ending.message !== undefined ? `: ${ending.message}` : "";
      const headline = `${base[0]?.toUpperCase()}${base.slice(1)}${detail}.`;
      const items = waiters.map((g) => d.item(g, "blocked"));
      const text =
        items.length === 0 ? headline : `${headline}\n\nThe program was still going; when it stopped:\n${lines(items)}${cycleText}`;
      return freeze({
        outcome: "timeout",
        ending: limit === "stopped" ? "stopped" : "limit",
        status,
        headline,
        items,
        cycles,
        panic: undefined,
        limit,
        text,
      });
    }
    case "ok": {
      const left: ExplanationItem[] = [];
      for (const g of state.goroutines) {
        const missing = unawaited.get(g.id);
        if (missing !== undefined && (g.wait !== undefined || g.id === 1)) {
          left.push(g.wait === undefined ? d.unawaitedMain(g, missing) : d.item(g, "unawaited"));
        } else if (g.state === "leaked") {
          // Parked, but a timer, io or a goroutine still going would have woken it: main's return cut it off.
          left.push(state.waitFor.dependency(g.id)?.stuck === false ? d.cutOff(g) : d.item(g, "leaked"));
        } else if (g.wait !== undefined) {
          // Sleeping or in io when main returned (the runtime reports no leak for those).
          left.push(d.cutOff(g));
        } else if (g.state === "runnable" || g.state === "running") {
          left.push(d.unfinished(g));
        }
      }
      // In the order the headline names them: leaked, missing awaits, cut off.
      const order: readonly ExplanationItemKind[] = ["leaked", "unawaited", "unfinished"];
      const items = order.flatMap((k) => left.filter((it) => it.kind === k));
      const count = (k: ExplanationItemKind): number => items.filter((it) => it.kind === k).length;
      const leftBehind = { leaked: count("leaked"), unawaited: count("unawaited"), unfinished: count("unfinished") };
      const headline = mainReturnedHeadline(leftBehind);
      const stuck = leftBehind.leaked + leftBehind.unawaited > 0;
      const text = items.length === 0 ? headline : `${headline}\n\n${lines(items)}${stuck ? cycleText : ""}`;
      return freeze({
        outcome: "ok",
        ending: mainReturnedKind(leftBehind),
        status,
        headline,
        items,
        cycles: stuck ? cycles : [],
        panic: undefined,
        limit: undefined,
        text,
      });
    }
    default: {
      const never: never = status;
      throw new Error(`unexpected run status ${String(never)}`);
    }
  }
}

function freeze(e: {
  outcome: RunOutcome;
  ending: EndingKind;
  status: RunStatus | undefined;
  headline: string;
  items: readonly ExplanationItem[];
  cycles: readonly ExplainedCycle[];
  panic: PanicSummary | undefined;
  limit: EndEvent["limit"];
  text: string;
}): RunExplanation {
  return Object.freeze({ ...e, items: Object.freeze(e.items.slice()), cycles: Object.freeze(e.cycles.slice()) });
}

/** The block event of g's last wait before `before`, from its spans. */
function lastBlockOf(model: TraceModel, g: GoroutineId, before: EventIndex): EventRef | undefined {
  const spans = model.goroutine(g)?.spans;
  if (spans === undefined) return undefined;
  for (let k = spans.spanAt(before); k >= 0; k--) {
    const w = spans.waitIndex(k);
    if (w >= 0 && w <= before) return spans.span(k).wait?.block;
  }
  return undefined;
}

/** Why the goroutine panicked, when the trace shows it: a send on a channel someone closed. */
function panicCause(model: TraceModel, d: Describer, p: PanicSummary): string {
  if (p.g !== 0 && p.message.includes(SEND_ON_CLOSED_CHANNEL)) {
    // Parked sending when the close came: the close woke it to panic.
    const block = lastBlockOf(model, p.g, p.at.index);
    if (block !== undefined) {
      const e = model.event(block.index);
      if (e.kind === "block" && e.reason === "chan send" && e.ch !== undefined) {
        const closed = model.channel(e.ch)?.closed;
        if (closed !== undefined && closed.at.index > block.index && closed.at.index < p.at.index) {
          return `it was waiting to send to ${d.channelName(e.ch)} when ${goroutineTag(closed.by)} closed it (event ${eventNumber(closed.at.index)}), and a send on a closed channel panics`;
        }
      }
    }
    // Otherwise: the channel it had been sending to that was closed last before the panic.
    let best: { ch: ChannelId; at: number; by: GoroutineId } | undefined;
    for (const c of model.channels) {
      if (c.closed === undefined || c.closed.at.index >= p.at.index) continue;
      if (best !== undefined && c.closed.at.index <= best.at) continue;
      let sentByG = false;
      for (let k = 0; k < c.occupancy.length && !sentByG; k++) {
        const i = c.occupancy.index(k);
        sentByG = model.columns.g[i] === p.g && model.kind(i) === "send";
      }
      if (sentByG) best = { ch: c.id, at: c.closed.at.index, by: c.closed.by };
    }
    if (best !== undefined) {
      return `it sends to ${d.channelName(best.ch)}, which ${goroutineTag(best.by)} closed at event ${eventNumber(best.at)} while it was still sending, and a send on a closed channel panics`;
    }
  }
  return p.fatal ? "a fatal error cannot be recovered, so the program stopped" : "nothing recovered the panic, so the program stopped";
}
