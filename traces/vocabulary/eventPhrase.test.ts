import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "../codes";
import { channelId, contextId, goroutineId, objectId, timerId, type EventKind, type EventOf, type TraceEvent } from "../events";
import { nanos } from "../units";
import { eventPhrase } from "./eventPhrase";
import type { EntityLookup } from "./labels";

const names: EntityLookup = {
  goroutine: (id) => (id === 2 ? { id, name: "producer" } : id === 3 ? { id, name: "consumer" } : { id, name: undefined }),
  channel: (id) => (id === 1 ? { id, name: "jobs" } : { id, name: undefined }),
  object: (id) =>
    id === 1
      ? { id, type: "Mutex", name: "mu" }
      : id === 3
        ? { id, type: "Once", name: "setup" }
        : { id, type: "WaitGroup", name: undefined },
};

const at = { seq: 0, t: nanos(0), g: goroutineId(2) } as const;
const MS = 1_000_000;

/** One event of every kind and what its line says. */
const EVERY_KIND: { readonly [K in EventKind]: readonly [EventOf<K>, string] } = {
  spawn: [{ ...at, kind: "spawn", child: goroutineId(3), name: "consumer" }, "go G3 consumer"],
  run: [{ ...at, kind: "run" }, "running"],
  yield: [{ ...at, kind: "yield" }, "yield"],
  exit: [{ ...at, kind: "exit" }, "exit"],
  make: [{ ...at, kind: "make", ch: channelId(1), cap: 0, name: "jobs" }, "make chan `jobs` (unbuffered)"],
  send: [{ ...at, kind: "send", ch: channelId(1), v: "4", len: 0, peer: goroutineId(3) }, "send 4 to `jobs` → G3 consumer"],
  recv: [{ ...at, kind: "recv", ch: channelId(1), v: "4", ok: true, len: 0, peer: goroutineId(2) }, "receive 4 from `jobs` ← G2 producer"],
  close: [{ ...at, kind: "close", ch: channelId(2), len: 2 }, "close chan #2 (2 still buffered)"],
  block: [{ ...at, kind: "block", reason: "chan send", ch: channelId(1), v: "5" }, "waiting to send 5 to `jobs`"],
  unblock: [{ ...at, kind: "unblock", by: goroutineId(3) }, "unblocked by G3 consumer"],
  select: [
    {
      ...at,
      kind: "select",
      cases: [
        { ch: channelId(1), dir: "recv" },
        { ch: channelId(2), dir: "send" },
      ],
      ready: [1],
      chosen: 1,
      hasDefault: true,
    },
    "select: case 1 fired, send to chan #2 (ready: case 1; 2 cases + default)",
  ],
  timer: [
    { ...at, kind: "timer", timer: timerId(4), op: "set", purpose: "after", at: nanos(70 * MS), ch: channelId(2) },
    "timer 4 set (after) at 70ms → chan #2",
  ],
  "sync.make": [{ ...at, kind: "sync.make", obj: objectId(1), type: "Mutex", name: "mu" }, "new Mutex `mu`"],
  lock: [{ ...at, kind: "lock", obj: objectId(1), mode: "w" }, "Lock Mutex `mu`"],
  unlock: [{ ...at, kind: "unlock", obj: objectId(1), mode: "r" }, "RUnlock Mutex `mu`"],
  "wg.add": [{ ...at, kind: "wg.add", obj: objectId(2), delta: 3, count: 3 }, "Add(3) on WaitGroup #2 (counter 3)"],
  "wg.wait": [{ ...at, kind: "wg.wait", obj: objectId(2) }, "Wait returned on WaitGroup #2"],
  once: [{ ...at, kind: "once", obj: objectId(3), op: "start" }, "Do started on Once `setup`"],
  "sync.op": [{ ...at, kind: "sync.op", obj: objectId(3), op: "cas", v: "2", old: "1", ok: true }, "CompareAndSwap on Once `setup`: 1 → 2"],
  "ctx.make": [
    { ...at, kind: "ctx.make", ctx: contextId(2), parent: contextId(1), type: "timeout", deadline: nanos(500 * MS), done: channelId(2) },
    "new ctx 2 (timeout, child of ctx 1, deadline 500ms)",
  ],
  "ctx.cancel": [
    { ...at, kind: "ctx.cancel", ctx: contextId(3), err: "context canceled", source: contextId(2) },
    "ctx 3 cancelled: context canceled, as ctx 2 was",
  ],
  io: [{ ...at, kind: "io", io: 1, op: "end", label: "fetch", ok: false }, "io 1 end fetch (failed)"],
  warn: [{ ...at, kind: "warn", message: "a foreign await" }, "warning: a foreign await"],
  output: [{ ...at, kind: "output", stream: "stderr", text: "no such file" }, 'printed "no such file" to stderr'],
  panic: [{ ...at, kind: "panic", message: "send on closed channel" }, "panic: send on closed channel"],
  leak: [{ ...at, kind: "leak", reason: "chan receive", ch: channelId(1) }, "still waiting to receive from `jobs` when main returned"],
  deadlock: [
    { ...at, kind: "deadlock", message: "fatal error: all goroutines are asleep - deadlock!" },
    "fatal error: all goroutines are asleep - deadlock!",
  ],
  end: [{ ...at, kind: "end", status: "timeout", message: "stopped", limit: "events" }, "end: timeout — stopped (events limit)"],
};

describe.each(EVENT_KINDS.map((k) => [k, ...EVERY_KIND[k]] as const))("the line of a %s event", (_kind, e, line) => {
  it(`is "${line}"`, () => {
    expect(eventPhrase(e, names)).toBe(line);
  });
});

describe("event lines", () => {
  it("name what the lookup does not know from the event itself", () => {
    expect(eventPhrase({ ...at, kind: "spawn", child: goroutineId(9), name: "late" }, undefined)).toBe("go G9 late");
    expect(eventPhrase({ ...at, kind: "make", ch: channelId(9), cap: 2, name: "late" }, undefined)).toBe("make chan `late` (cap 2)");
    expect(eventPhrase({ ...at, kind: "make", ch: channelId(9), cap: 2 }, undefined)).toBe("make chan #9 (cap 2)");
  });

  it("say the buffer's length after a send nobody took at once, and the select case it was", () => {
    expect(eventPhrase({ ...at, kind: "send", ch: channelId(2), v: "1", len: 1, sel: 0 }, names)).toBe(
      "send 1 to chan #2 (len 1) [select case 0]",
    );
  });

  it("show an empty value as a sign", () => {
    expect(eventPhrase({ ...at, kind: "recv", ch: channelId(1), v: "", ok: true, len: 0 }, names)).toBe("receive ∅ from `jobs`");
  });

  it("say a receive on a closed channel got nothing", () => {
    expect(eventPhrase({ ...at, kind: "recv", ch: channelId(1), v: "0", ok: false, len: 0 }, names)).toBe(
      "receive from closed `jobs` (ok=false)",
    );
  });

  it("say a select took its default", () => {
    const e: TraceEvent = { ...at, kind: "select", cases: [{ ch: channelId(1), dir: "recv" }], ready: [], chosen: -1, hasDefault: true };
    expect(eventPhrase(e, names)).toBe("select: default fired (none ready; 1 case + default)");
  });

  it("say a Done and a fatal error as Go does", () => {
    expect(eventPhrase({ ...at, kind: "wg.add", obj: objectId(2), delta: -1, count: 0 }, names)).toBe("Done on WaitGroup #2 (counter 0)");
    expect(eventPhrase({ ...at, kind: "panic", message: "sync: unlock of unlocked mutex", fatal: true }, names)).toBe(
      "fatal error: sync: unlock of unlocked mutex",
    );
  });

  it("say the runtime woke a goroutine for a timer or io", () => {
    expect(eventPhrase({ ...at, kind: "unblock", by: goroutineId(0) }, names)).toBe("unblocked by the runtime (a timer or io)");
  });
});
