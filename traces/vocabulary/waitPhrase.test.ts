import { describe, expect, it } from "vitest";
import { GOROUTINE_STATES, REASON, stateName, WAIT_REASONS, type GoroutineStateCode } from "../codes";
import { channelId, goroutineId, objectId, type WaitReason } from "../events";
import { nanos } from "../units";
import { STATE_OF_REASON_CODE } from "../model/goroutineState";
import type { EntityLookup } from "./labels";
import {
  stateLabel,
  waitChannels,
  waitCyclePhrase,
  waitPhrase,
  waitShortParts,
  waitVerb,
  type MomentLookup,
  type WaitFacts,
} from "./waitPhrase";

// jobs (1) is unbuffered, chan #2 is buffered and closed, quit (3) is named.
const names: EntityLookup = {
  goroutine: (id) => ({ id, name: undefined }),
  channel: (id) => (id === 1 ? { id, name: "jobs" } : id === 3 ? { id, name: "quit" } : { id, name: undefined }),
  object: (id) =>
    id === 1
      ? { id, type: "Mutex", name: "mu" }
      : id === 2
        ? { id, type: "RWMutex", name: "rw" }
        : id === 3
          ? { id, type: "WaitGroup", name: undefined }
          : id === 4
            ? { id, type: "Once", name: "setup" }
            : id === 5
              ? { id, type: "Cond", name: "ready" }
              : id === 6
                ? { id, type: "Semaphore", name: "slots" }
                : id === 7
                  ? { id, type: "ErrGroup", name: "g" }
                  : undefined,
};
const moment: MomentLookup = {
  channel: (id) => (id === 1 ? { cap: 0, len: 0, closed: false } : id === 2 ? { cap: 2, len: 1, closed: true } : undefined),
  object: (id) => (id === 3 ? { counter: 2 } : undefined),
};

interface Expected {
  readonly wait: WaitFacts;
  readonly badge: readonly string[];
  readonly short: string;
  /** Without the moment. */
  readonly sentence: string;
  /** With the moment. */
  readonly sentenceNow: string;
}

const MS = 1_000_000;
const EVERY_REASON: Readonly<Record<WaitReason, Expected>> = {
  "chan send": {
    wait: { reason: "chan send", ch: channelId(2), v: "4" },
    badge: ["send chan #2", "chan #2"],
    short: "send 4 → chan #2",
    sentence: "waiting to send 4 to chan #2",
    sentenceNow: "waiting to send 4 to chan #2 (buffered, 1 of 2, closed)",
  },
  "chan receive": {
    wait: { reason: "chan receive", ch: channelId(1) },
    badge: ["recv jobs", "jobs"],
    short: "recv ← jobs",
    sentence: "waiting to receive from `jobs`",
    sentenceNow: "waiting to receive from `jobs` (unbuffered)",
  },
  "chan send (nil chan)": {
    wait: { reason: "chan send (nil chan)", v: "1" },
    badge: ["send nil chan", "nil chan"],
    short: "send 1 → nil chan (forever)",
    sentence: "waiting to send 1 to a nil channel",
    sentenceNow: "waiting to send 1 to a nil channel",
  },
  "chan receive (nil chan)": {
    wait: { reason: "chan receive (nil chan)" },
    badge: ["recv nil chan", "nil chan"],
    short: "recv ← nil chan (forever)",
    sentence: "waiting to receive from a nil channel",
    sentenceNow: "waiting to receive from a nil channel",
  },
  select: {
    wait: {
      reason: "select",
      cases: [
        { ch: channelId(1), dir: "recv" },
        { ch: channelId(3), dir: "send" },
        { ch: null, dir: "recv" },
      ],
    },
    badge: ["select jobs, quit", "jobs, quit", "select"],
    short: "select ← jobs, → quit, ← nil chan",
    sentence: "waiting in a select to receive from `jobs`, or send to `quit`, or receive from a nil channel",
    sentenceNow: "waiting in a select to receive from `jobs`, or send to `quit`, or receive from a nil channel",
  },
  "select (no cases)": {
    wait: { reason: "select (no cases)" },
    badge: ["select {}"],
    short: "select {} (forever)",
    sentence: "blocked in a select with no cases",
    sentenceNow: "blocked in a select with no cases",
  },
  sleep: {
    wait: { reason: "sleep", until: nanos(60 * MS), block: { t: nanos(10 * MS) } },
    badge: ["sleep 50ms", "sleep"],
    short: "sleep until 60ms",
    sentence: "sleeping until 60ms",
    sentenceNow: "sleeping until 60ms",
  },
  "sync.Mutex.Lock": {
    wait: { reason: "sync.Mutex.Lock", obj: objectId(1) },
    badge: ["Lock Mutex mu", "Lock mu", "mu"],
    short: "Lock Mutex mu",
    sentence: "waiting to lock Mutex `mu`",
    sentenceNow: "waiting to lock Mutex `mu`",
  },
  "sync.RWMutex.RLock": {
    wait: { reason: "sync.RWMutex.RLock", obj: objectId(2) },
    badge: ["RLock RWMutex rw", "RLock rw", "rw"],
    short: "RLock RWMutex rw",
    sentence: "waiting to read-lock RWMutex `rw`",
    sentenceNow: "waiting to read-lock RWMutex `rw`",
  },
  "sync.RWMutex.Lock": {
    wait: { reason: "sync.RWMutex.Lock", obj: objectId(2) },
    badge: ["Lock RWMutex rw", "Lock rw", "rw"],
    short: "Lock RWMutex rw",
    sentence: "waiting to lock RWMutex `rw`",
    sentenceNow: "waiting to lock RWMutex `rw`",
  },
  "sync.WaitGroup.Wait": {
    wait: { reason: "sync.WaitGroup.Wait", obj: objectId(3) },
    badge: ["Wait WaitGroup #3", "WaitGroup #3"],
    short: "Wait WaitGroup #3",
    sentence: "waiting for WaitGroup #3",
    sentenceNow: "waiting for WaitGroup #3 (counter 2)",
  },
  "sync.Once.Do": {
    wait: { reason: "sync.Once.Do", obj: objectId(4) },
    badge: ["Do Once setup", "Do setup", "setup"],
    short: "Do Once setup",
    sentence: "waiting for Once `setup` to finish its function",
    sentenceNow: "waiting for Once `setup` to finish its function",
  },
  "sync.Cond.Wait": {
    wait: { reason: "sync.Cond.Wait", obj: objectId(5) },
    badge: ["Wait Cond ready", "Wait ready", "ready"],
    short: "Wait Cond ready",
    sentence: "waiting on Cond `ready` for a Signal or Broadcast",
    sentenceNow: "waiting on Cond `ready` for a Signal or Broadcast",
  },
  "semaphore.Weighted.Acquire": {
    wait: { reason: "semaphore.Weighted.Acquire", obj: objectId(6) },
    badge: ["Acquire Semaphore slots", "Acquire slots", "slots"],
    short: "Acquire Semaphore slots",
    sentence: "waiting to acquire Semaphore `slots`",
    sentenceNow: "waiting to acquire Semaphore `slots`",
  },
  "errgroup.Group.Wait": {
    wait: { reason: "errgroup.Group.Wait", obj: objectId(7) },
    badge: ["Wait ErrGroup g", "Wait g", "g"],
    short: "Wait ErrGroup g",
    sentence: "waiting for the tasks of ErrGroup `g`",
    sentenceNow: "waiting for the tasks of ErrGroup `g`",
  },
  "errgroup.Group.Go": {
    wait: { reason: "errgroup.Group.Go", obj: objectId(7) },
    badge: ["Go ErrGroup g", "Go g", "g"],
    short: "Go ErrGroup g",
    sentence: "waiting for room to start a task of ErrGroup `g` (its limit is reached)",
    sentenceNow: "waiting for room to start a task of ErrGroup `g` (its limit is reached)",
  },
  io: {
    wait: { reason: "io" },
    badge: ["io"],
    short: "io",
    sentence: "waiting for an io operation",
    sentenceNow: "waiting for an io operation",
  },
};

describe.each(WAIT_REASONS.map((r) => [r, EVERY_REASON[r]] as const))("the words for a wait on %s", (_reason, x) => {
  it("give a badge's alternatives, longest first", () => {
    expect(waitPhrase(x.wait, "badge", names)).toEqual(x.badge);
  });

  it("give the short form for a table", () => {
    expect(waitPhrase(x.wait, "short", names)).toBe(x.short);
  });

  it("give a sentence", () => {
    expect(waitPhrase(x.wait, "sentence", names)).toBe(x.sentence);
  });

  it("give a sentence that says more when it knows the moment", () => {
    expect(waitPhrase(x.wait, "sentence", names, moment)).toBe(x.sentenceNow);
  });

  it("start the badge with the verb of the call that parks", () => {
    expect(x.badge[0]?.startsWith(waitVerb(x.wait.reason))).toBe(true);
  });
});

describe("wait phrases", () => {
  it("leave out what a wait does not say: the channel, the object, the wake-up time", () => {
    expect(waitPhrase({ reason: "chan receive" }, "sentence", names)).toBe("waiting to receive");
    expect(waitPhrase({ reason: "chan send", v: "7" }, "short", names)).toBe("send 7");
    expect(waitPhrase({ reason: "sync.Mutex.Lock" }, "sentence", names)).toBe("waiting to lock a mutex");
    expect(waitPhrase({ reason: "sync.WaitGroup.Wait" }, "badge", names)).toEqual(["Wait"]);
    expect(waitPhrase({ reason: "sleep" }, "sentence", names)).toBe("sleeping");
    expect(waitPhrase({ reason: "select", cases: [] }, "sentence", names)).toBe("waiting in a select");
  });

  it("say a sleep's length on its badge only when they know when it began", () => {
    expect(waitPhrase({ reason: "sleep", until: nanos(5 * MS) }, "badge", names)).toEqual(["sleep"]);
  });

  it("name channels and objects by id when nothing can look them up", () => {
    expect(waitPhrase({ reason: "chan receive", ch: channelId(5) }, "sentence", undefined)).toBe("waiting to receive from chan #5");
    expect(waitPhrase({ reason: "sync.Mutex.Lock", obj: objectId(5) }, "short", undefined)).toBe("Lock sync object #5");
  });

  it("leave each channel of the short form as a part a view can draw as a chip", () => {
    expect(waitShortParts({ reason: "chan send", ch: channelId(1), v: "4" }, names)).toEqual(["send 4 → ", { ch: channelId(1) }]);
    expect(
      waitShortParts(
        {
          reason: "select",
          cases: [
            { ch: channelId(1), dir: "recv" },
            { ch: null, dir: "send" },
          ],
        },
        names,
      ),
    ).toEqual(["select", " ← ", { ch: channelId(1) }, ", → ", "nil chan"]);
  });
});

describe("the channels of a wait", () => {
  it("are the channel of a send or a receive", () => {
    expect(waitChannels({ reason: "chan send", ch: channelId(4) })).toEqual([4]);
  });

  it("are none for a nil channel", () => {
    expect(waitChannels({ reason: "chan receive (nil chan)", ch: channelId(4) })).toEqual([]);
  });

  it("are each case's channel once for a select, nil cases left out", () => {
    const cases = [
      { ch: channelId(2), dir: "recv" },
      { ch: null, dir: "recv" },
      { ch: channelId(2), dir: "send" },
      { ch: channelId(3), dir: "recv" },
    ] as const;
    expect(waitChannels({ reason: "select", cases })).toEqual([2, 3]);
  });
});

describe("a wait cycle", () => {
  const steps = [
    { g: goroutineId(2), waitsFor: goroutineId(3), reason: "chan receive", via: { kind: "channel", id: channelId(1) } },
    { g: goroutineId(3), waitsFor: goroutineId(2), reason: "sync.Mutex.Lock", via: { kind: "object", id: objectId(1) } },
  ] as const;

  it("says for each goroutine what it waits on and whom it waits for", () => {
    const waits: Record<number, WaitFacts> = {
      2: { reason: "chan receive", ch: channelId(1) },
      3: { reason: "sync.Mutex.Lock", obj: objectId(1) },
    };
    expect(waitCyclePhrase(steps, (g) => waits[g], names)).toBe(
      "G2, waiting to receive from `jobs`, waits for G3; G3, waiting to lock Mutex `mu`, waits for G2",
    );
  });

  it("falls back on the step's resource when a goroutine's wait is unknown", () => {
    expect(waitCyclePhrase(steps, () => undefined, names)).toBe(
      "G2, waiting to receive from `jobs`, waits for G3; G3, waiting to lock Mutex `mu`, waits for G2",
    );
  });
});

describe("a goroutine state's words", () => {
  it("every state has some", () => {
    for (const s of GOROUTINE_STATES) expect(stateLabel(s).length).toBeGreaterThan(0);
  });

  it("a blocked state is named by the wait reason that puts a goroutine in it, as Go prints it", () => {
    for (const reason of WAIT_REASONS) {
      const state = stateName(STATE_OF_REASON_CODE[REASON[reason]] as GoroutineStateCode);
      expect(stateLabel(state)).toBe(reason === "sleep" ? "sleeping" : `blocked: ${reason}`);
    }
  });
});
