// Go's time package for compiled programs, on the run's clock. A Duration is
// a number of ns; the runtime counts ms, so Sleep(d) sleeps d / 1e6 ms. Timer
// and ticker channels are the runtime's own (named and recorded as for a
// TypeScript program) and deliver a time.Time made from the fire time.

import * as rt from "../../../runtime/index";
import type { GoHost } from "../host";
import { goPanic } from "../panics";
import { definedType, pointerTo, type GoType } from "../types";
import type { Iface } from "../values";
import {
  Duration$Hours,
  Duration$Microseconds,
  Duration$Milliseconds,
  Duration$Minutes,
  Duration$Nanoseconds,
  Duration$Round,
  Duration$Seconds,
  Duration$String,
  Duration$Truncate,
  parseDuration,
} from "./durations";
import { INT64, field, methods, newError, panicString, structType } from "./goShared";
import { MONTHS, Time, WEEKDAYS, enumName } from "./timeValue";

export { Time } from "./timeValue";

const durationMethods = {
  Duration$String,
  Duration$Nanoseconds,
  Duration$Microseconds,
  Duration$Milliseconds,
  Duration$Seconds,
  Duration$Minutes,
  Duration$Hours,
  Duration$Round,
  Duration$Truncate,
};

export const Duration$type: GoType = methods(definedType("time.Duration", { kind: "basic", basic: "int64" }), "value", {
  String: (d) => Duration$String(d as number),
});

export const Month$String = (m: number): string => enumName(MONTHS, "Month", 1, m);
export const Weekday$String = (d: number): string => enumName(WEEKDAYS, "Weekday", 0, d);
export const Month$type: GoType = methods(definedType("time.Month", { kind: "basic", basic: "int" }), "value", {
  String: (m) => Month$String(m as number),
});
export const Weekday$type: GoType = methods(definedType("time.Weekday", { kind: "basic", basic: "int" }), "value", {
  String: (d) => Weekday$String(d as number),
});

export const Time$type: GoType = methods(structType("time.Time", [field("ns", INT64)]), "value", {
  String: (t) => (t as Time).String(),
  Format: (t, layout) => (t as Time).Format(layout as string),
});

/** The run's clock in Go's terms: Time values from the runtime's ms, and back. */
export class RunClock {
  constructor(private readonly host: GoHost) {}

  private epoch(): { readonly sec: number; readonly ns: number } {
    const ms = this.host.runEpochMs();
    const sec = Math.floor(ms / 1000);
    return { sec, ns: Math.round((ms - sec * 1000) * 1e6) };
  }

  /** The Time at `ms` of the run's clock, with its monotonic reading (as Now gives it: m=+0.000000001 at the start). */
  at(ms: number): Time {
    const e = this.epoch();
    const elapsed = Math.round(ms * 1e6);
    const total = e.ns + elapsed;
    const carry = Math.floor(total / 1e9);
    return new Time(e.sec + carry, total - carry * 1e9, elapsed + 1);
  }

  /** Where t falls on the run's clock, in ms. */
  msOf(t: Time): number {
    const e = this.epoch();
    return ((t.sec - e.sec) * 1e9 + (t.nsec - e.ns)) / 1e6;
  }

  now(): Time {
    return this.at(rt.now());
  }
}

/** Go's *time.Timer: C receives the fire time (nil for AfterFunc's). Its zero value is unusable, as Go's. */
export class Timer {
  constructor(
    public C: rt.RecvChan<Time> | null = null,
    private readonly handle?: rt.Timer<unknown>,
  ) {}

  Stop(): boolean {
    if (this.handle === undefined) return panicString("time: Stop called on uninitialized Timer");
    return this.handle.stop();
  }

  Reset(d: number): boolean {
    if (this.handle === undefined) return panicString("time: Reset called on uninitialized Timer");
    return this.handle.reset(d / 1e6);
  }
}

/** Go's *time.Ticker. */
export class Ticker {
  constructor(
    public C: rt.RecvChan<Time> | null = null,
    private readonly handle?: rt.Ticker<Time>,
  ) {}

  Stop(): void {
    this.handle?.stop();
  }

  Reset(d: number): void {
    if (d <= 0) return panicString("non-positive interval for Ticker.Reset");
    if (this.handle === undefined) return panicString("time: Reset called on uninitialized Ticker");
    this.handle.reset(d / 1e6);
  }
}

export const Timer$type: GoType = structType("time.Timer", [field("C", pointerTo(Time$type))]);
export const Ticker$type: GoType = structType("time.Ticker", [field("C", pointerTo(Time$type))]);
methods(Timer$type, "pointer", { Stop: (t) => (t as Timer).Stop(), Reset: (t, d) => (t as Timer).Reset(d as number) });
methods(Ticker$type, "pointer", { Stop: (t) => (t as Ticker).Stop(), Reset: (t, d) => (t as Ticker).Reset(d as number) });

/** The time package of one run: its clock is the host's. */
export function timePackage(host: GoHost) {
  const clock = new RunClock(host);
  const fire = (ms: number): Time => clock.at(ms);
  return {
    ...durationMethods,
    Duration$type,
    Month$String,
    Month$type,
    Weekday$String,
    Weekday$type,
    Time,
    Time$type,
    Timer,
    Timer$type,
    Ticker,
    Ticker$type,
    Now: (): Time => clock.now(),
    Since: (t: Time): number => clock.now().Sub(t),
    Until: (t: Time): number => t.Sub(clock.now()),
    Unix: (sec: number, nsec: number): Time => {
      const carry = Math.floor(nsec / 1e9);
      return new Time(sec + carry, nsec - carry * 1e9);
    },
    ParseDuration: (s: string): [number, Iface | null] => {
      const r = parseDuration(s);
      return "d" in r ? [r.d, null] : [0, newError(r.error)];
    },
    /** Go's Sleep: d ≤ 0 returns at once (a poll, in a loop), as the runtime's sleep does. */
    Sleep: (d: number): Promise<void> => rt.sleep(d / 1e6),
    After: (d: number): rt.RecvChan<Time> => rt.after(d / 1e6, fire),
    /** A nil channel (the runtime's, as compiled code's zero chan) for d ≤ 0, as Go's nil. */
    Tick: (d: number): rt.RecvChan<Time> => rt.tick(d / 1e6, fire),
    NewTimer: (d: number): Timer => {
      const t = rt.newTimer(d / 1e6, fire);
      return new Timer(t.c, t);
    },
    AfterFunc: (d: number, f: () => unknown): Timer => new Timer(null, rt.afterFunc(d / 1e6, f)),
    NewTicker: (d: number): Ticker => {
      if (!(d > 0)) return goPanic(newError("non-positive interval for NewTicker"));
      const t = rt.newTicker(d / 1e6, fire);
      return new Ticker(t.c, t);
    },
  };
}

export type TimePackage = ReturnType<typeof timePackage>;
