// Helpers for the samples' tests: the schedules every sample is run under, and
// name-based lookups into a run's events ("the recv events on `jobs` by
// `worker 2`"), so each test reads like the behaviour it checks.

import { run, type RunResult } from "chanscope";
import type { ChannelId, EndEvent, EventKind, EventOf, GoroutineId, ObjectId, Strategy, TraceEvent } from "../../traces/events";
import { buildModel, type TraceModel } from "../../traces/model";
import type { SampleEnding } from "../catalog/catalog";

export interface Schedule {
  readonly strategy: Strategy;
  readonly seed: number;
}

export const SEEDS: readonly number[] = [1, 2, 3, 42];

/** Both strategies under every seed: the schedules each sample's behaviour must hold under. */
export const SCHEDULES: readonly Schedule[] = (["fifo", "random"] as const).flatMap((strategy) =>
  SEEDS.map((seed) => ({ strategy, seed })),
);

/** Runs a sample's main with a small wall budget, so a broken sample fails fast instead of hanging. */
export function runSample(main: () => Promise<void>, schedule: Partial<Schedule> = {}): Promise<RunResult> {
  return run(main, { wallTimeBudgetMs: 20_000, ...schedule });
}

/** A run's events with lookups by the names the program gave its goroutines, channels and sync objects. */
export class Trace {
  readonly events: readonly TraceEvent[];
  private modelCache: TraceModel | undefined;

  constructor(readonly result: RunResult) {
    this.events = result.events;
  }

  get model(): TraceModel {
    this.modelCache ??= buildModel(this.events);
    return this.modelCache;
  }

  get end(): EndEvent {
    const last = this.events[this.events.length - 1];
    if (last?.kind !== "end") throw new Error("the trace has no end event");
    return last;
  }

  of<K extends EventKind>(kind: K): EventOf<K>[] {
    return this.events.filter((e): e is EventOf<K> => e.kind === kind);
  }

  /** The events of a goroutine (by name or id), optionally of one kind. */
  by<K extends EventKind>(g: string | GoroutineId, kind?: K): EventOf<K>[] {
    const id = typeof g === "number" ? g : this.goroutine(g);
    return this.events.filter((e): e is EventOf<K> => e.g === id && (kind === undefined || e.kind === kind));
  }

  /** The id of the only goroutine with this name. */
  goroutine(name: string): GoroutineId {
    return only(this.goroutines(name), `goroutine "${name}"`);
  }

  /** Ids of the goroutines with this name, or whose name starts with `prefix*`. */
  goroutines(pattern: string): GoroutineId[] {
    return this.of("spawn")
      .filter((s) => s.name !== undefined && matches(pattern, s.name))
      .map((s) => s.child);
  }

  nameOf(g: GoroutineId): string | undefined {
    return this.of("spawn").find((s) => s.child === g)?.name;
  }

  channel(name: string): ChannelId {
    return only(
      this.of("make")
        .filter((m) => m.name === name)
        .map((m) => m.ch),
      `channel "${name}"`,
    );
  }

  channelName(ch: ChannelId): string | undefined {
    return this.of("make").find((m) => m.ch === ch)?.name;
  }

  object(name: string): ObjectId {
    return only(
      this.of("sync.make")
        .filter((m) => m.name === name)
        .map((m) => m.obj),
      `sync object "${name}"`,
    );
  }

  objectName(obj: ObjectId): string | undefined {
    return this.of("sync.make").find((m) => m.obj === obj)?.name;
  }

  /** Completed sends on a channel (by name), optionally by one goroutine. */
  sends(ch: string, g?: string | GoroutineId): EventOf<"send">[] {
    const id = this.channel(ch);
    const gid = typeof g === "string" ? this.goroutine(g) : g;
    return this.of("send").filter((e) => e.ch === id && (gid === undefined || e.g === gid));
  }

  /** Completed receives of a sent value (ok) on a channel, optionally by one goroutine. */
  recvs(ch: string, g?: string | GoroutineId): EventOf<"recv">[] {
    const id = this.channel(ch);
    const gid = typeof g === "string" ? this.goroutine(g) : g;
    return this.of("recv").filter((e) => e.ch === id && e.ok && (gid === undefined || e.g === gid));
  }

  /** Receives that found the channel closed and drained (ok = false). */
  closedRecvs(ch: string): EventOf<"recv">[] {
    const id = this.channel(ch);
    return this.of("recv").filter((e) => e.ch === id && !e.ok);
  }

  /** The index of the first event matching `pred` (throws if none). */
  indexOf(pred: (e: TraceEvent) => boolean, what: string): number {
    const i = this.events.findIndex(pred);
    if (i < 0) throw new Error(`no event: ${what}`);
    return i;
  }

  /** The goroutine's exit event index, or -1. */
  exitIndex(g: string | GoroutineId): number {
    const id = typeof g === "number" ? g : this.goroutine(g);
    return this.events.findIndex((e) => e.kind === "exit" && e.g === id);
  }

  /**
   * What each goroutine the model's explanation lists (deadlocked or leaked) waits
   * on, by goroutine name: its wait reason and the names of the channels or sync
   * objects it waits on.
   */
  waits(): Record<string, { readonly reason: string | undefined; readonly on: readonly string[] }> {
    const out: Record<string, { reason: string | undefined; on: string[] }> = {};
    for (const item of this.model.explanation.items) {
      out[item.name ?? `G${item.g}`] = {
        reason: item.reason,
        on: item.resources.map((r) => (r.kind === "channel" ? this.channelName(r.id) : this.objectName(r.id)) ?? `#${r.id}`),
      };
    }
    return out;
  }

  /** The model's wait cycles, each as the goroutine names and the resource names between them. */
  cycles(): string[][] {
    return this.model.explanation.cycles.map((c) =>
      c.steps.flatMap((s) => [
        this.nameOf(s.g) ?? `G${s.g}`,
        (s.via.kind === "channel" ? this.channelName(s.via.id) : this.objectName(s.via.id)) ?? `#${s.via.id}`,
      ]),
    );
  }

  /** Every goroutine's final state in the trace model, by name (main included). */
  finalStates(): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    for (const g of this.model.goroutines) out[g.name ?? `G${g.id}`] = g.end?.state;
    return out;
  }
}

export async function traced(main: () => Promise<void>, schedule: Partial<Schedule> = {}): Promise<Trace> {
  return new Trace(await runSample(main, schedule));
}

/** How a run ended, in the catalog's terms: a clean return with leaked goroutines is a "leak". */
export function endingOf(result: RunResult): SampleEnding | "timeout" {
  switch (result.status) {
    case "ok":
      // Goroutines main's return cut off (runnable, sleeping) would have gone on: main returned early.
      if (result.events.some((e) => e.kind === "leak")) return "leak";
      return result.goroutines.some((g) => g.id !== 1) ? "unfinished" : "ok";
    case "deadlock":
    case "panic":
    case "timeout":
      return result.status;
  }
}

/** Milliseconds of virtual time as the trace's nanoseconds. */
export const ms = (n: number): number => n * 1_000_000;

/** A value preview as the trace records it: numbers bare, strings quoted. */
export const preview = (v: number | string): string => (typeof v === "number" ? String(v) : JSON.stringify(v));

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function only<T>(xs: readonly T[], what: string): T {
  if (xs.length !== 1) throw new Error(`expected exactly one ${what}, found ${xs.length}`);
  return xs[0] as T;
}
