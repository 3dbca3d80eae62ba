import { describe, expect, it } from "vitest";
import { afterFunc } from "./afterFunc";
import {
  Canceled,
  DeadlineExceeded,
  background,
  cause,
  withCancel,
  withCancelCause,
  withDeadline,
  withDeadlineCause,
  withTimeout,
  withTimeoutCause,
  withValue,
  withoutCancel,
} from "./context";
import { isPanic } from "./panic";
import { go } from "./go";
import { otherwise, recv, select } from "./select";
import { eventsOf, runTest } from "./testing/testRuns";
import { after, now, sleep } from "./time";

describe("context", () => {
  it("background's done is a nil channel, as Go's Background().Done(): receiving from it blocks for ever", async () => {
    let ready = true;
    const r = await runTest(async () => {
      const bg = background();
      // A select sees no ready case on it: the default runs.
      await select(
        recv(bg.done()),
        otherwise(() => (ready = false)),
      );
      await bg.done().recv();
    });
    expect(ready).toBe(false);
    expect(r.status).toBe("deadlock");
    expect(r.goroutines.find((g) => g.id === 1)).toMatchObject({ reason: "chan receive (nil chan)" });
  });

  it("cancel closes done and sets err to context canceled", async () => {
    let err: unknown;
    let okAfter: unknown;
    const r = await runTest(async () => {
      const [ctx, cancel] = withCancel(background());
      expect(ctx.err()).toBeUndefined();
      go(async () => {
        const [, ok] = await ctx.done().recvOk();
        okAfter = ok;
      });
      await sleep(1);
      cancel();
      err = ctx.err();
      await sleep(1);
    });
    expect(err).toBe(Canceled);
    expect((err as Error).message).toBe("context canceled");
    expect(okAfter).toBe(false);
    expect(eventsOf(r.events, "ctx.cancel")).toMatchObject([{ ctx: 2, err: "context canceled", source: 2, g: 1 }]);
  });

  it("calling cancel again does nothing", async () => {
    const r = await runTest(() => {
      const [, cancel] = withCancel(background());
      cancel();
      cancel();
    });
    expect(r.status).toBe("ok");
    expect(eventsOf(r.events, "ctx.cancel")).toHaveLength(1);
    expect(eventsOf(r.events, "close")).toHaveLength(1);
  });

  it("cancelling a parent cancels every descendant", async () => {
    const errs: unknown[] = [];
    const r = await runTest(() => {
      const [parent, cancel] = withCancel(background());
      const [child] = withCancel(parent);
      const [grandchild] = withTimeout(child, 1000);
      const [sibling] = withCancel(parent);
      cancel();
      errs.push(parent.err(), child.err(), grandchild.err(), sibling.err());
    });
    expect(errs).toEqual([Canceled, Canceled, Canceled, Canceled]);
    const cancels = eventsOf(r.events, "ctx.cancel");
    expect(cancels.map((e) => [e.ctx, e.source])).toEqual([
      [2, 2],
      [3, 2],
      [4, 2],
      [5, 2],
    ]);
    // The grandchild's deadline timer is stopped.
    expect(eventsOf(r.events, "timer").map((e) => e.op)).toEqual(["set", "stop"]);
  });

  it("cancelling a child never cancels its parent", async () => {
    let parentErr: unknown = "unset";
    await runTest(() => {
      const [parent] = withCancel(background());
      const [, cancelChild] = withCancel(parent);
      cancelChild();
      parentErr = parent.err();
    });
    expect(parentErr).toBeUndefined();
  });

  it("a deadline fires with context deadline exceeded", async () => {
    let at = -1;
    const r = await runTest(async () => {
      const [ctx] = withTimeout(background(), 50);
      expect(ctx.deadline()).toBe(50);
      await ctx.done().recv();
      at = now();
      expect(ctx.err()).toBe(DeadlineExceeded);
    });
    expect(at).toBe(50);
    expect(eventsOf(r.events, "ctx.cancel")).toMatchObject([{ g: 0, err: "context deadline exceeded", source: 2, t: 50_000_000 }]);
    expect(eventsOf(r.events, "timer").map((e) => [e.op, e.purpose])).toEqual([
      ["set", "deadline"],
      ["fire", "deadline"],
    ]);
  });

  it("a child's later deadline is capped by the parent's", async () => {
    let at = -1;
    const r = await runTest(async () => {
      const [parent] = withTimeout(background(), 20);
      const [child] = withDeadline(parent, 100);
      expect(child.deadline()).toBe(20);
      await child.done().recv();
      at = now();
      expect(child.err()).toBe(DeadlineExceeded);
    });
    expect(at).toBe(20);
    expect(eventsOf(r.events, "ctx.make").find((e) => e.ctx === 3)).toMatchObject({ parent: 2, type: "deadline", deadline: 20_000_000 });
    expect(eventsOf(r.events, "ctx.cancel").map((e) => [e.ctx, e.source])).toEqual([
      [2, 2],
      [3, 2],
    ]);
  });

  it("a deadline already past is cancelled at once", async () => {
    let err: unknown;
    await runTest(async () => {
      await sleep(10);
      const [ctx] = withDeadline(background(), 5);
      err = ctx.err();
    });
    expect(err).toBe(DeadlineExceeded);
  });

  it("background's done never fires", async () => {
    let got: unknown;
    await runTest(async () => {
      got = await select(
        recv(background().done(), () => "done"),
        recv(after(1000), () => "timeout"),
      );
    });
    expect(got).toBe("timeout");
  });

  it("background is the first context made in a run", async () => {
    const r = await runTest(() => {
      withCancel(background());
    });
    expect(eventsOf(r.events, "ctx.make")).toMatchObject([
      { ctx: 1, type: "background" },
      { ctx: 2, parent: 1, type: "cancel" },
    ]);
  });

  it("a context derived from a cancelled parent is cancelled at once", async () => {
    let err: unknown;
    await runTest(async () => {
      const [parent, cancel] = withCancel(background());
      cancel();
      const [child] = withCancel(parent);
      err = child.err();
      const v = await select(
        recv(child.done(), () => "closed"),
        otherwise(() => "open"),
      );
      expect(v).toBe("closed");
    });
    expect(err).toBe(Canceled);
  });

  it("cause reports the cause given to the cancel function, else the error", async () => {
    const seen: unknown[] = [];
    const boom = new Error("disk full");
    const r = await runTest(() => {
      const [ctx, cancel] = withCancelCause(background());
      const [child] = withCancel(ctx);
      seen.push(cause(ctx));
      cancel(boom);
      seen.push(cause(ctx), cause(child), ctx.err());
      const [plain, cancelPlain] = withCancel(background());
      cancelPlain();
      seen.push(cause(plain));
    });
    expect(seen).toEqual([undefined, boom, boom, Canceled, Canceled]);
    expect(eventsOf(r.events, "ctx.cancel")[0]).toMatchObject({ err: "context canceled", cause: "Error: disk full" });
  });
});

describe("context values", () => {
  it("value finds a key bound here or in an ancestor, the nearest first, compared with ===", async () => {
    const got: unknown[] = [];
    await runTest(() => {
      const user = Symbol("user");
      const a = withValue(background(), user, "ann");
      const [b] = withCancel(a);
      const c = withValue(b, user, "bob");
      got.push(a.value(user), b.value(user), c.value(user), c.value("user"), background().value(user));
    });
    expect(got).toEqual(["ann", "ann", "bob", undefined, undefined]);
  });

  it("a value context is cancelled with its parent, and a nil key panics", async () => {
    let err: unknown;
    let caught: unknown;
    const r = await runTest(async () => {
      const [parent, cancel] = withCancel(background());
      const v = withValue(parent, "k", 1);
      cancel();
      await v.done().recv();
      err = v.err();
      try {
        withValue(parent, undefined, 1);
      } catch (e) {
        caught = e;
      }
    });
    expect(r.status).toBe("ok");
    expect(err).toBe(Canceled);
    expect(isPanic(caught) && caught.message).toBe("nil key");
    expect(eventsOf(r.events, "ctx.make").map((e) => e.type)).toEqual(["background", "cancel", "value"]);
  });

  it("withoutCancel keeps the parent's values but is never cancelled: done is nil, err undefined, no deadline", async () => {
    const got: unknown[] = [];
    const r = await runTest(async () => {
      const [parent, cancel] = withTimeout(withValue(background(), "k", "v"), 5);
      const free = withoutCancel(parent);
      cancel();
      await sleep(10);
      got.push(parent.err(), free.err(), free.deadline(), free.value("k"), free.done().id);
    });
    expect(r.status).toBe("ok");
    expect(got).toEqual([Canceled, undefined, undefined, "v", null]);
    expect(eventsOf(r.events, "ctx.make").map((e) => e.type)).toEqual(["background", "value", "timeout", "without-cancel"]);
  });
});

describe("context afterFunc", () => {
  it("runs f in a goroutine of its own once the context is cancelled", async () => {
    const seen: string[] = [];
    const r = await runTest(async () => {
      const [ctx, cancel] = withCancel(background());
      afterFunc(ctx, () => {
        seen.push(`after, err ${ctx.err()?.message}`);
      });
      await sleep(3);
      seen.push("cancel");
      cancel();
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    expect(seen).toEqual(["cancel", "after, err context canceled"]);
    const spawn = eventsOf(r.events, "spawn").find((e) => e.name === "afterFunc");
    expect(spawn).toMatchObject({ g: 1, t: 3_000_000 });
  });

  it("stop is true when it stopped f, false once f has started; a done context runs f at once", async () => {
    const got: unknown[] = [];
    let ran = 0;
    await runTest(async () => {
      const [ctx, cancel] = withCancel(background());
      const stop = afterFunc(ctx, () => ran++);
      got.push(stop(), stop());
      const stop2 = afterFunc(ctx, () => ran++);
      cancel();
      await sleep(1);
      got.push(stop2());
      const stop3 = afterFunc(ctx, () => ran++);
      await sleep(1);
      got.push(stop3());
    });
    expect(got).toEqual([true, false, false, false]);
    expect(ran).toBe(2);
  });

  it("the time afterFunc is still the same name, told apart by its first argument", async () => {
    let at = -1;
    await runTest(async () => {
      afterFunc(4, () => {
        at = now();
      });
      await sleep(5);
    });
    expect(at).toBe(4);
  });
});

describe("deadlines with a cause", () => {
  it("withTimeoutCause and withDeadlineCause set cause() at expiry, while err() stays DeadlineExceeded", async () => {
    const got: unknown[] = [];
    await runTest(async () => {
      const slow = new Error("backend too slow");
      const [a] = withTimeoutCause(background(), 5, slow);
      const [b] = withDeadlineCause(background(), 3, "at 3 ms");
      const [c, cancelC] = withTimeoutCause(background(), 5, slow);
      cancelC();
      await sleep(6);
      got.push(a.err(), cause(a) === slow, b.err(), cause(b), c.err(), cause(c));
    });
    expect(got).toEqual([DeadlineExceeded, true, DeadlineExceeded, "at 3 ms", Canceled, Canceled]);
  });
});
