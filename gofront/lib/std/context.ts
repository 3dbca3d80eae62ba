// Go's context package for compiled programs. A Context is an interface value
// whose dynamic type is Go 1.19's (*context.emptyCtx, *context.cancelCtx,
// *context.timerCtx, *context.valueCtx) and whose value wraps the runtime's
// context, so cancellation, deadlines and the trace's ctx events are the
// runtime's. Value keys are compared with Go's ==. Canceled and
// DeadlineExceeded are made once: errors.Is and == compare them by identity.

import * as rt from "../../../runtime/index";
import { durationString } from "../duration";
import { definedType, pointerTo, typeString, type GoType } from "../types";
import { Iface } from "../values";
import { GoError, callMethod, ifaceEqual, methods, newError, panicString, structType } from "./goShared";
import type { RunClock } from "./time";
import { Time } from "./timeValue";

/** A context's value: the runtime's context, its Go parent, and what String says of it. */
export class GoContext {
  constructor(
    readonly rt: rt.Context,
    readonly parent: Iface | null,
    readonly kind: "background" | "todo" | "cancel" | "timer" | "value" | "withoutCancel",
    readonly bound?: { readonly key: Iface | null; readonly val: Iface | null },
  ) {}
}

export const Canceled: Iface = newError("context canceled");

class DeadlineExceededError {}
const DEADLINE_EXCEEDED_TYPE = methods(structType("context.deadlineExceededError"), "value", {
  Error: () => "context deadline exceeded",
  Timeout: () => true,
  Temporary: () => true,
});
export const DeadlineExceeded: Iface = new Iface(DEADLINE_EXCEEDED_TYPE, new DeadlineExceededError());

/** The runtime's errors, and causes, as Go values. */
function goError(e: unknown): Iface | null {
  if (e === undefined || e === null) return null;
  if (e === rt.Canceled) return Canceled;
  if (e === rt.DeadlineExceeded) return DeadlineExceeded;
  if (e instanceof Iface) return e;
  if (e instanceof GoError) return e.err;
  return newError(e instanceof Error ? e.message : typeof e === "string" ? e : "error");
}

const valueText = (v: Iface | null): string => {
  if (v === null) return "<nil>";
  if (v.type.methods.has("String")) {
    const s = callMethod(v, "String");
    return typeof s === "string" ? s : "<not Stringer>";
  }
  return v.type.shape.kind === "basic" && v.type.shape.basic === "string" ? (v.value as string) : "<not Stringer>";
};

/** The context package of one run: deadlines are Times on the run's clock. */
export function contextPackage(clock: RunClock) {
  const name = (c: Iface | null): string => (c === null ? "<nil>" : String(callMethod(c, "String")));
  const ctxString = (c: GoContext): string => {
    switch (c.kind) {
      case "background":
        return "context.Background";
      case "todo":
        return "context.TODO";
      case "cancel":
        return `${name(c.parent)}.WithCancel`;
      case "withoutCancel":
        return `${name(c.parent)}.WithoutCancel`;
      case "timer": {
        const at = deadline(c)[0];
        return `${name(c.parent)}.WithDeadline(${at.String()} [${durationString(at.Sub(clock.now()))}])`;
      }
      case "value":
        return `${name(c.parent)}.WithValue(type ${c.bound!.key === null ? "<nil>" : typeString(c.bound!.key.type)}, val ${valueText(c.bound!.val)})`;
    }
  };
  const deadline = (c: GoContext): [Time, boolean] => {
    const ms = c.rt.deadline();
    return ms === undefined ? [new Time(), false] : [clock.at(ms), true];
  };
  const value = (c: GoContext, key: Iface | null): Iface | null => {
    for (let x: GoContext | undefined = c; x !== undefined; x = x.parent?.value instanceof GoContext ? x.parent.value : undefined) {
      if (x.bound !== undefined && ifaceEqual(x.bound.key, key)) return x.bound.val;
    }
    return null;
  };
  const table = {
    Deadline: (c: unknown) => deadline(c as GoContext),
    Done: (c: unknown) => (c as GoContext).rt.done(),
    Err: (c: unknown) => goError((c as GoContext).rt.err()),
    Value: (c: unknown, key: unknown) => value(c as GoContext, key as Iface | null),
    String: (c: unknown) => ctxString(c as GoContext),
  };
  const ctxType = (goName: string): GoType => pointerTo(methods(definedType(goName, { kind: "struct", fields: [] }), "pointer", table));
  const TYPES = {
    background: ctxType("context.emptyCtx"),
    cancel: ctxType("context.cancelCtx"),
    timer: ctxType("context.timerCtx"),
    value: ctxType("context.valueCtx"),
    withoutCancel: ctxType("context.withoutCancelCtx"),
  };
  const wrap = (ctx: rt.Context, parent: Iface | null, kind: GoContext["kind"], bound?: GoContext["bound"]): Iface =>
    new Iface(kind === "todo" ? TYPES.background : TYPES[kind], new GoContext(ctx, parent, kind, bound));
  const rtOf = (c: Iface | null): rt.Context => {
    if (c === null) return panicString("cannot create context from nil parent");
    if (!(c.value instanceof GoContext)) throw new Error("context: a Context of the program's own type is not supported by chanscope");
    return c.value.rt;
  };
  const cancelFunc = (f: rt.CancelFunc) => (): void => f();
  let background: Iface | undefined;
  let todo: Iface | undefined;

  return {
    Canceled,
    DeadlineExceeded,
    Background: (): Iface => (background ??= wrap(rt.background(), null, "background")),
    TODO: (): Iface => (todo ??= wrap(rt.todo(), null, "todo")),
    WithCancel: (parent: Iface | null): [Iface, () => void] => {
      const [ctx, cancel] = rt.withCancel(rtOf(parent));
      return [wrap(ctx, parent, "cancel"), cancelFunc(cancel)];
    },
    WithCancelCause: (parent: Iface | null): [Iface, (cause: Iface | null) => void] => {
      const [ctx, cancel] = rt.withCancelCause(rtOf(parent));
      return [wrap(ctx, parent, "cancel"), (cause) => cancel(cause === null ? undefined : new GoError(cause))];
    },
    WithTimeout: (parent: Iface | null, d: number): [Iface, () => void] => {
      const [ctx, cancel] = rt.withTimeout(rtOf(parent), d / 1e6);
      return [wrap(ctx, parent, "timer"), cancelFunc(cancel)];
    },
    WithDeadline: (parent: Iface | null, at: Time): [Iface, () => void] => {
      const [ctx, cancel] = rt.withDeadline(rtOf(parent), clock.msOf(at));
      return [wrap(ctx, parent, "timer"), cancelFunc(cancel)];
    },
    WithValue: (parent: Iface | null, key: Iface | null, val: Iface | null): Iface => {
      if (key === null) return panicString("nil key");
      return wrap(rt.withValue(rtOf(parent), key, val), parent, "value", { key, val });
    },
    WithoutCancel: (parent: Iface | null): Iface => wrap(rt.withoutCancel(rtOf(parent)), parent, "withoutCancel"),
    /** The cause given to WithCancelCause's cancel, else Err(); nil while not cancelled. */
    Cause: (c: Iface | null): Iface | null => goError(rt.cause(rtOf(c))),
    /** f runs in a goroutine of its own once ctx is done; stop() is true if it kept f from running. */
    AfterFunc: (c: Iface | null, f: () => unknown): (() => boolean) => rt.afterFunc(rtOf(c), f),
    /** For packages that take a Context (errgroup, semaphore): the runtime's context inside. */
    runtimeContext: rtOf,
    /** For packages that make contexts (errgroup.WithContext). */
    wrapCancelContext: (ctx: rt.Context, parent: Iface | null): Iface => wrap(ctx, parent, "cancel"),
    goError,
  };
}
