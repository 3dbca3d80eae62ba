// The Math, Date and performance a program sees: deterministic within its run;
// and its console, which records what it prints (programConsole.ts). The
// program loader binds them in the program's module scope, so the host, the
// runtime and any other run keep the real ones (nothing global is patched).

import { Prng } from "../traces/prng";
import { captureLocation, registerRuntimeModule } from "./location";
import { ProgramConsole } from "./programConsole";
import type { Scheduler } from "./scheduler";

registerRuntimeModule(import.meta.url);

/**
 * The wall-clock instant a virtual-clock run starts at, in ms since 1970:
 * 2009-11-10 23:00:00 UTC, the instant the Go playground's clock starts at.
 */
export const VIRTUAL_EPOCH_MS = 1_257_894_000_000;

/** Mixed into the seed so the program's draws are a stream apart from the scheduler's select choices. */
const MATH_STREAM = 0x6d617468;

/** What a warn event says when a host callback read the clock or drew a number. */
export const HOST_TURN_WARNING =
  "Math.random, Date or performance.now was used outside a goroutine (in a host callback): its value depends on when the host ran it";

const RealDate = Date;
const realPerformance = (globalThis as { performance?: { now(): number; timeOrigin?: number } }).performance;

/** The bindings a program's module scope gets in place of the realm's own. */
export interface ProgramGlobals {
  readonly Math: Math;
  readonly Date: DateConstructor;
  readonly performance: { now(): number; readonly timeOrigin: number };
  /** Prints as the realm's console does, and records each line in the trace. */
  readonly console: Readonly<Record<string, unknown>>;
}

/**
 * A program's own Math, Date and performance, for one run at a time: pass them
 * to the loader (module scope) and the same object to run() as `globals`.
 * Inside the run, `Math.random()` draws from a PRNG seeded by the run's seed;
 * on the virtual clock `Date.now()` and `new Date()` are VIRTUAL_EPOCH_MS plus
 * the virtual time elapsed, and `performance.now()` is the virtual time in ms.
 * On the real clock the time functions are the real ones. Before the run
 * (module top level) draws come from seed 1's stream and the clock reads 0.
 */
export class RunGlobals implements ProgramGlobals {
  readonly Math: Math;
  readonly Date: DateConstructor;
  readonly performance: { now(): number; readonly timeOrigin: number };
  readonly console: Readonly<Record<string, unknown>>;

  private readonly output: ProgramConsole;
  private prng = new Prng(1 ^ MATH_STREAM);
  private scheduler: Scheduler | undefined = undefined;
  private warned = false;

  constructor(options: ProgramGlobalsOptions = {}) {
    this.output = new ProgramConsole(options.echo ?? true);
    const random = (): number => this.random();
    const nowMs = (): number => this.nowMs();
    const elapsedMs = (): number => this.elapsedMs();
    const timeOrigin = (): number =>
      this.scheduler?.realClock === true ? (realPerformance?.timeOrigin ?? RealDate.now()) : VIRTUAL_EPOCH_MS;
    this.Math = Object.freeze(Object.assign(Object.create(Object.getPrototypeOf(Math) as object) as Math, mathFunctions(), { random }));
    this.Date = programDate(nowMs);
    this.performance = Object.freeze({
      now: elapsedMs,
      get timeOrigin(): number {
        return timeOrigin();
      },
    });
    this.console = this.output.console;
  }

  /** The bindings by name, for the program loader's scope. */
  scope(): Readonly<Record<keyof ProgramGlobals, unknown>> {
    return { Math: this.Math, Date: this.Date, performance: this.performance, console: this.console };
  }

  /** Called by run() as the run starts: from here on the bindings follow this run. */
  attach(scheduler: Scheduler, seed: number): void {
    this.scheduler = scheduler;
    this.prng = new Prng(seed ^ MATH_STREAM);
    this.warned = false;
    this.output.attach(scheduler);
  }

  /** Called by run() once main is spawned, before it runs: what the module's top level printed becomes main's. */
  started(): void {
    this.output.started();
  }

  private random(): number {
    this.checkTurn();
    // 53 random bits, as V8's Math.random gives: 27 from one draw, 26 from the next.
    const hi = this.prng.nextU32() >>> 5;
    const lo = this.prng.nextU32() >>> 6;
    return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
  }

  private elapsedMs(): number {
    const s = this.scheduler;
    if (s?.realClock === true) return realPerformance?.now() ?? RealDate.now();
    this.checkTurn();
    return s === undefined ? 0 : s.now / 1e6;
  }

  private nowMs(): number {
    const s = this.scheduler;
    if (s?.realClock === true) return RealDate.now();
    this.checkTurn();
    return VIRTUAL_EPOCH_MS + (s === undefined ? 0 : Math.floor(s.now / 1e6));
  }

  /**
   * A read from a host callback (a setTimeout the program set, say) happens
   * whenever the host runs it, so no seed can make it repeat: the trace says
   * so, once a run, at the line that did it.
   */
  private checkTurn(): void {
    const s = this.scheduler;
    if (s === undefined || s.ended || s.current !== undefined || this.warned) return;
    this.warned = true;
    s.rec.setLocation(0, captureLocation());
    s.rec.warn(s.now, 0, HOST_TURN_WARNING);
    s.rec.setLocation(0, undefined);
  }
}

/** Math's own functions and constants (they are not enumerable, so Object.assign would miss them). */
function mathFunctions(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(Math)) out[key] = (Math as unknown as Record<string, unknown>)[key];
  return out;
}

/** A Date whose no-argument forms read `nowMs`; every other form is the real Date's. Its instances are real Dates. */
function programDate(nowMs: () => number): DateConstructor {
  function ProgramDate(this: unknown, ...args: unknown[]): unknown {
    // Called without new, Date gives the current time as a string.
    if (new.target === undefined) return new RealDate(nowMs()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [nowMs()] : args, new.target) as unknown;
  }
  ProgramDate.prototype = RealDate.prototype;
  return Object.assign(ProgramDate, { now: nowMs, parse: RealDate.parse, UTC: RealDate.UTC }) as unknown as DateConstructor;
}

export interface ProgramGlobalsOptions {
  /** false: the console records each line in the trace but prints nothing (the host prints the program's output itself). Default true. */
  readonly echo?: boolean;
}

export function programGlobals(options: ProgramGlobalsOptions = {}): RunGlobals {
  return new RunGlobals(options);
}
