// Errors the runtime raises inside goroutines.

import { withoutRuntimeFrames } from "./location";

/**
 * A Go runtime panic ("send on closed channel", "close of nil channel", …), or a
 * value passed to {@link panic}. It is thrown inside the goroutine that caused it, so
 * user code may catch it like `recover()`; uncaught, it ends the run with status `panic`.
 */
export class GoPanic extends Error {
  /** The panic value: the message string for runtime panics, whatever was passed to `panic()` otherwise. */
  readonly value: unknown;

  constructor(message: string, value: unknown = message) {
    super(message);
    this.name = "GoPanic";
    this.value = value;
  }
}

/**
 * A fatal runtime error ("sync: unlock of unlocked mutex"). Like Go's `fatal error`,
 * it cannot be recovered: the run has already ended (status `panic`) when this is thrown,
 * and catching it changes nothing.
 */
export class GoFatal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoFatal";
  }
}

/**
 * What goexit() throws: it unwinds the goroutine's stack, running its finally
 * blocks (Go's deferred calls), and the goroutine exits normally. Not a
 * panic: isPanic() is false for it, so a catch that rethrows
 * what is not a panic lets it through (a catch that swallows everything stops it).
 */
export class Goexit extends Error {
  constructor() {
    super("runtime.Goexit");
    this.name = "Goexit";
  }
}

/** Go's `panic(v)`: throws a {@link GoPanic} carrying `v`. */
export function panic(value: unknown): never {
  throw new GoPanic(typeof value === "string" ? value : describeThrown(value), value);
}

/** True when `e` is a panic raised by the runtime or by {@link panic} (what `recover()` would return non-nil for). */
export function isPanic(e: unknown): e is GoPanic {
  return e instanceof GoPanic;
}

const STACK_MAX = 4000;

/**
 * What a goroutine threw, as Go's panic prints its value: a string as it is,
 * an error by its message (Go's err.Error()), numbers and booleans as Go's
 * print does, nothing as nil. The JS engine's own errors (TypeError, …) keep
 * their kind, as Go says "runtime error: …"; other values say what they are.
 */
export function describeThrown(e: unknown): string {
  if (e instanceof GoPanic) return e.message;
  if (e instanceof Error) {
    const name = safeString(() => e.name) ?? "Error";
    const message = safeString(() => e.message) ?? "";
    if (name === "Error") return message === "" ? "Error" : message;
    return message === "" ? name : `${name}: ${message}`;
  }
  switch (typeof e) {
    case "string":
      return e;
    case "undefined":
      return "nil";
    case "number":
      return goNumber(e);
    case "boolean":
      return String(e);
    case "bigint":
      return e.toString();
    case "symbol":
      return `thrown symbol: ${e.toString()}`;
    case "function":
      return `thrown function: ${e.name || "(anonymous)"}`;
    case "object": {
      if (e === null) return "nil";
      const ctor = safeString(() => (Object.getPrototypeOf(e) as { constructor?: { name?: string } } | null)?.constructor?.name);
      return `thrown non-Error object${ctor ? ` (${ctor})` : ""}`;
    }
  }
}

/** The bounded JS stack of a thrown Error, if it has one. */
export function thrownStack(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const raw = safeString(() => e.stack);
  if (raw === undefined) return undefined;
  const s = withoutRuntimeFrames(raw);
  return s.length > STACK_MAX ? s.slice(0, STACK_MAX) + "…" : s;
}

function safeString(f: () => unknown): string | undefined {
  try {
    const v = f();
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A number as Go's print writes it: a whole number in decimal (as an int),
 * anything else as a float64, "+1.500000e+000".
 */
function goNumber(x: number): string {
  if (Number.isInteger(x)) return x.toFixed(0);
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  const [mantissa, exponent] = Math.abs(x).toExponential(6).split("e") as [string, string];
  const exp = Number(exponent);
  return `${x < 0 ? "-" : "+"}${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(3, "0")}`;
}
