// golang.org/x/sync's errgroup and semaphore for compiled programs, over the
// runtime's ErrGroup and Weighted: their wait reasons and sync.op events are
// the runtime's. A task's error (an error interface value, or nil) travels
// through the runtime as a GoError, so the trace names it; Wait gives the Go
// value back.

import * as rt from "../../../runtime/index";
import type { GoType } from "../types";
import type { Iface } from "../values";
import { GoError, methods, structType } from "./goShared";

/** What the runtime gives back (a GoError, its own Canceled…), as the Go value. */
export type GoErrorOf = (e: unknown) => Iface | null;

/** The context functions the two packages need from the run's context package. */
export interface ContextBridge {
  readonly runtimeContext: (c: Iface | null) => rt.Context;
  readonly wrapCancelContext: (ctx: rt.Context, parent: Iface | null) => Iface;
  readonly goError: GoErrorOf;
}

type GoTask = () => unknown;

const task = (f: GoTask) => async (): Promise<GoError | undefined> => {
  const err = (await f()) as Iface | null | undefined;
  return err === null || err === undefined ? undefined : new GoError(err);
};

export function xsyncPackages(ctx: ContextBridge) {
  class Group {
    private made: rt.ErrGroup | undefined;
    constructor(
      readonly name?: string,
      made?: rt.ErrGroup,
    ) {
      this.made = made;
    }
    private get rt(): rt.ErrGroup {
      return (this.made ??= new rt.ErrGroup(this.name));
    }
    /** Blocks while the limit is reached (await it). */
    Go(f: GoTask): Promise<void> {
      return this.rt.go(task(f));
    }
    TryGo(f: GoTask): boolean {
      return this.rt.tryGo(task(f));
    }
    SetLimit(n: number): void {
      this.rt.setLimit(n);
    }
    async Wait(): Promise<Iface | null> {
      return ctx.goError(await this.rt.wait());
    }
  }
  const Group$type: GoType = methods(structType("errgroup.Group"), "pointer", {
    Go: (g, f) => (g as Group).Go(f as GoTask),
    TryGo: (g, f) => (g as Group).TryGo(f as GoTask),
    SetLimit: (g, n) => (g as Group).SetLimit(n as number),
    Wait: (g) => (g as Group).Wait(),
  });

  class Weighted {
    private made: rt.Weighted | undefined;
    constructor(
      readonly size: number = 0,
      readonly name?: string,
    ) {}
    private get rt(): rt.Weighted {
      return (this.made ??= new rt.Weighted(this.size, this.name));
    }
    /** Resolves to nil, or ctx's error if it ended first (holding nothing). */
    async Acquire(c: Iface | null, n: number): Promise<Iface | null> {
      return ctx.goError(await this.rt.acquire(ctx.runtimeContext(c), n));
    }
    TryAcquire(n: number): boolean {
      return this.rt.tryAcquire(n);
    }
    /** Panics "semaphore: released more than held", as x/sync's. */
    Release(n: number): void {
      this.rt.release(n);
    }
  }
  const Weighted$type: GoType = methods(structType("semaphore.Weighted"), "pointer", {
    Acquire: (s, c, n) => (s as Weighted).Acquire(c as Iface | null, n as number),
    TryAcquire: (s, n) => (s as Weighted).TryAcquire(n as number),
    Release: (s, n) => (s as Weighted).Release(n as number),
  });

  return {
    errgroup: {
      Group,
      Group$type,
      WithContext: (parent: Iface | null): [Group, Iface] => {
        const [g, c] = rt.errGroupWithContext(ctx.runtimeContext(parent));
        return [new Group(undefined, g), ctx.wrapCancelContext(c, parent)];
      },
    },
    semaphore: {
      Weighted,
      Weighted$type,
      NewWeighted: (n: number): Weighted => new Weighted(n),
    },
  };
}
