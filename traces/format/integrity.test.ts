import { describe, expect, it } from "vitest";
import { TraceFormatError } from "./errors";
import { mainRunning, rawTraceText } from "../testing/fixtureTraces";
import { parseTrace } from "./reader";

function errorOf(lines: readonly unknown[]): TraceFormatError {
  try {
    parseTrace(rawTraceText(lines));
  } catch (err) {
    if (err instanceof TraceFormatError) return err;
    throw err;
  }
  throw new Error("expected a TraceFormatError");
}

/** The error for a trace of main running followed by `rest` (seq from 2 on). */
const errorAfterMain = (...rest: readonly object[]): TraceFormatError => errorOf([...mainRunning(), ...rest]);

function loadsAfterMain(...rest: readonly object[]): number {
  return parseTrace(rawTraceText([...mainRunning(), ...rest])).events.length;
}

const makeCh = (seq: number, ch = 1, cap = 0) => ({ seq, t: 0, g: 1, kind: "make", ch, cap });

describe("sequence numbers and time", () => {
  it("require the first event to have seq 0", () => {
    expect(errorOf([{ seq: 1, t: 0, g: 0, kind: "spawn", child: 1 }]).message).toBe(
      'line 2: field "seq": expected 0 (the first event\'s seq is 0), got 1',
    );
  });

  it("refuse a seq that does not follow the previous one", () => {
    expect(errorAfterMain({ seq: 3, t: 0, g: 1, kind: "yield" }).message).toBe(
      'line 4: field "seq": expected 2 (one more than the previous event\'s), got 3',
    );
  });

  it("refuse a duplicated line through its repeated seq", () => {
    const yieldLine = { seq: 2, t: 0, g: 1, kind: "yield" };
    expect(errorAfterMain(yieldLine, yieldLine).field).toBe("seq");
  });

  it("refuse time going backwards", () => {
    const err = errorAfterMain({ seq: 2, t: 500, g: 1, kind: "yield" }, { seq: 3, t: 400, g: 1, kind: "run" });
    expect(err.message).toBe('line 5: field "t": time went backwards: 400 ns is before the previous event\'s 500 ns');
  });

  it("accept many events at one instant of virtual time", () => {
    expect(loadsAfterMain({ seq: 2, t: 0, g: 1, kind: "yield" }, { seq: 3, t: 0, g: 1, kind: "run" })).toBe(4);
  });

  it("refuse any event after the run's end", () => {
    const err = errorAfterMain({ seq: 2, t: 0, g: 1, kind: "end", status: "ok" }, { seq: 3, t: 0, g: 1, kind: "run" });
    expect(err.message).toBe('line 5: an event after the run\'s "end" event (line 4)');
  });
});

describe("goroutines", () => {
  it("must be spawned before an event names them", () => {
    expect(errorAfterMain({ seq: 2, t: 0, g: 7, kind: "run" }).message).toBe(
      'line 4: field "g": goroutine 7 was never spawned (no earlier "spawn" with "child":7)',
    );
  });

  it("include goroutine 0, the runtime, which always exists", () => {
    expect(loadsAfterMain({ seq: 2, t: 0, g: 0, kind: "warn", message: "from the runtime" })).toBe(3);
  });

  it("are checked where an event names a partner", () => {
    expect(errorAfterMain({ seq: 2, t: 0, g: 1, kind: "unblock", by: 9 }).field).toBe("by");
  });

  it("cannot be spawned twice", () => {
    expect(errorAfterMain({ seq: 2, t: 0, g: 1, kind: "spawn", child: 1 }).message).toBe(
      'line 4: field "child": goroutine 1 was already spawned',
    );
  });
});

describe("channels", () => {
  it("must be made before an event names them", () => {
    expect(errorAfterMain({ seq: 2, t: 0, g: 1, kind: "close", ch: 4, len: 0 }).message).toBe(
      'line 4: field "ch": channel 4 was never made (no earlier "make" or "ctx.make" created it)',
    );
  });

  it("include a context's done channel", () => {
    const ctx = { seq: 2, t: 0, g: 1, kind: "ctx.make", ctx: 1, type: "background", done: 5 };
    expect(loadsAfterMain(ctx, { seq: 3, t: 0, g: 1, kind: "block", reason: "chan receive", ch: 5 })).toBe(4);
  });

  it("may be nil in a select case", () => {
    const select = { seq: 2, t: 0, g: 1, kind: "select", cases: [{ ch: null, dir: "recv" }], ready: [], chosen: -1, hasDefault: true };
    expect(loadsAfterMain(select)).toBe(3);
  });

  it("must exist when a select case names one", () => {
    const block = {
      seq: 2,
      t: 0,
      g: 1,
      kind: "block",
      reason: "select",
      cases: [
        { ch: null, dir: "recv" },
        { ch: 3, dir: "send" },
      ],
    };
    expect(errorAfterMain(block).field).toBe("cases[1].ch");
  });

  it("must exist when a timer delivers to one", () => {
    const timer = { seq: 2, t: 0, g: 0, kind: "timer", timer: 1, op: "fire", purpose: "after", at: 0, ch: 2 };
    expect(errorAfterMain(timer).field).toBe("ch");
  });

  it("cannot be made twice", () => {
    expect(errorAfterMain(makeCh(2), makeCh(3)).message).toBe('line 5: field "ch": channel 1 was already made');
  });

  it("need a recv's from to point to an earlier event", () => {
    const recv = { seq: 3, t: 0, g: 1, kind: "recv", ch: 1, v: "x", ok: true, len: 0, from: 3 };
    expect(errorAfterMain(makeCh(2), recv).message).toBe('line 5: field "from": expected the seq of an earlier send (less than 3), got 3');
  });
});

describe("sync objects", () => {
  const mutex = { seq: 2, t: 0, g: 1, kind: "sync.make", obj: 1, type: "Mutex" };

  it("must be made before an event names them", () => {
    expect(errorAfterMain({ seq: 2, t: 0, g: 1, kind: "wg.wait", obj: 1 }).message).toBe(
      'line 4: field "obj": sync object 1 was never made (no earlier "sync.make" created it)',
    );
  });

  it("must be of the type the operation needs", () => {
    expect(errorAfterMain(mutex, { seq: 3, t: 0, g: 1, kind: "wg.add", obj: 1, delta: 1, count: 1 }).message).toBe(
      'line 5: field "obj": sync object 1 is a Mutex, but "wg.add" needs a WaitGroup',
    );
  });

  it("allow a read lock only on an RWMutex", () => {
    expect(errorAfterMain(mutex, { seq: 3, t: 0, g: 1, kind: "lock", obj: 1, mode: "r" }).field).toBe("mode");
  });
});

describe("contexts", () => {
  it("must be made before an event names them", () => {
    const cancel = { seq: 2, t: 0, g: 1, kind: "ctx.cancel", ctx: 1, err: "context canceled", source: 1 };
    expect(errorAfterMain(cancel).message).toBe('line 4: field "ctx": context 1 was never made (no earlier "ctx.make" created it)');
  });

  it("need their parent made first", () => {
    const child = { seq: 2, t: 0, g: 1, kind: "ctx.make", ctx: 2, parent: 1, type: "cancel", done: 3 };
    expect(errorAfterMain(child).field).toBe("parent");
  });
});
