import { describe, expect, it } from "vitest";
import { go, recv, select, type RecvChan } from "../../../runtime/index";
import { sprint } from "../fmt";
import { basicType, definedType } from "../types";
import { Iface, goString } from "../values";
import { STRING, callMethod, newError } from "./goShared";
import { runGo } from "./testing/runGo";
import type { Time } from "./timeValue";

const text = (err: unknown): string | null => (err === null ? null : (callMethod(err as Iface, "Error") as string));
const done = (ctx: Iface): RecvChan<unknown> => callMethod(ctx, "Done") as RecvChan<unknown>;

describe("context", () => {
  it("cancelling a parent cancels its children: Done closes, Err is the one Canceled value", async () => {
    const seen: unknown[] = [];
    const r = await runGo(async (std) => {
      const c = std.context;
      const start = std.time.Now();
      const [parent, cancel] = c.WithCancel(c.Background());
      const [child] = c.WithCancel(parent);
      go(async () => {
        await std.time.Sleep(10e6);
        cancel();
      });
      seen.push(callMethod(child, "Err"));
      await done(child).recv();
      seen.push(callMethod(child, "Err") === c.Canceled, text(c.Canceled), std.time.Duration$String(std.time.Since(start)));
      seen.push(callMethod(child, "String"));
    });
    expect(r.status).toBe("ok");
    expect(seen).toEqual([null, true, "context canceled", "10ms", "context.Background.WithCancel.WithCancel"]);
    expect(r.events.filter((e) => e.kind === "ctx.cancel")).toHaveLength(2);
  });

  it("WithTimeout ends with DeadlineExceeded at its deadline, which Deadline reports as a Time", async () => {
    const seen: unknown[] = [];
    await runGo(async (std) => {
      const c = std.context;
      const [ctx, cancel] = c.WithTimeout(c.Background(), 50e6);
      const [deadline, ok] = callMethod(ctx, "Deadline") as [Time, boolean];
      seen.push(deadline.String(), ok, callMethod(ctx, "String"));
      const which = await select(
        recv(done(ctx), () => "done"),
        recv(std.time.After(100e6), () => "after"),
      );
      seen.push(which, callMethod(ctx, "Err") === c.DeadlineExceeded, text(callMethod(ctx, "Err")), std.time.Now().Format("15:04:05.000"));
      cancel();
      seen.push(callMethod(ctx, "Err") === c.DeadlineExceeded, (callMethod(c.Background(), "Deadline") as [Time, boolean])[1]);
    });
    expect(seen).toEqual([
      "2009-11-10 23:00:00.05 +0000 UTC m=+0.050000001",
      true,
      "context.Background.WithDeadline(2009-11-10 23:00:00.05 +0000 UTC m=+0.050000001 [50ms])",
      "done",
      true,
      "context deadline exceeded",
      "23:00:00.050",
      true,
      false,
    ]);
  });

  it("WithDeadline takes a Time on the run's clock; a deadline already past cancels at once", async () => {
    const seen: unknown[] = [];
    await runGo(async (std) => {
      const c = std.context;
      const [ctx] = c.WithDeadline(c.Background(), std.time.Now().Add(20e6));
      await done(ctx).recv();
      seen.push(std.time.Now().Format("15:04:05.000"));
      const [past] = c.WithDeadline(c.Background(), std.time.Now().Add(-1));
      seen.push(callMethod(past, "Err") === c.DeadlineExceeded);
    });
    expect(seen).toEqual(["23:00:00.020", true]);
  });

  it("Value finds the nearest binding of a key equal by Go's ==, across types", async () => {
    const seen: unknown[] = [];
    await runGo((std) => {
      const c = std.context;
      const KEY = definedType("main.key", { kind: "basic", basic: "string" });
      const k = (s: string): Iface => new Iface(KEY, goString(s));
      const a = c.WithValue(c.Background(), k("user"), new Iface(STRING, "ann"));
      const [b] = c.WithCancel(c.WithValue(a, k("user"), new Iface(STRING, "bob")));
      seen.push((callMethod(b, "Value", k("user")) as Iface).value, (callMethod(a, "Value", k("user")) as Iface).value);
      seen.push(callMethod(b, "Value", new Iface(STRING, "user")), callMethod(b, "Value", new Iface(basicType("int"), 1)));
      seen.push(callMethod(a, "String"));
    });
    expect(seen).toEqual(["bob", "ann", null, null, "context.Background.WithValue(type main.key, val ann)"]);
  });

  it("Cause gives WithCancelCause's cause, and Err stays Canceled; TODO and Background print as Go's", async () => {
    const seen: unknown[] = [];
    const boom = newError("boom");
    await runGo((std) => {
      const c = std.context;
      const [ctx, cancel] = c.WithCancelCause(c.TODO());
      seen.push(c.Cause(ctx));
      cancel(boom);
      seen.push(c.Cause(ctx) === boom, callMethod(ctx, "Err") === c.Canceled);
      const [other, cancel2] = c.WithCancelCause(c.Background());
      cancel2(null);
      seen.push(c.Cause(other) === c.Canceled, sprint([c.Background()]), sprint([c.TODO()]));
    });
    expect(seen).toEqual([null, true, true, true, "context.Background", "context.TODO"]);
  });

  it("WithoutCancel keeps values and is never cancelled; AfterFunc runs once the context is cancelled", async () => {
    const seen: unknown[] = [];
    await runGo(async (std) => {
      const c = std.context;
      const [ctx, cancel] = c.WithCancel(c.WithValue(c.Background(), new Iface(STRING, "k"), new Iface(STRING, "v")));
      const detached = c.WithoutCancel(ctx);
      c.AfterFunc(ctx, () => seen.push("after"));
      cancel();
      await std.time.Sleep(1e6);
      seen.push(callMethod(detached, "Err"), (callMethod(detached, "Value", new Iface(STRING, "k")) as Iface).value);
    });
    expect(seen).toEqual(["after", null, "v"]);
  });

  it("WithValue with a nil key panics as Go's", async () => {
    const r = await runGo((std) => std.context.WithValue(std.context.Background(), null, null));
    expect(r.status).toBe("panic");
    expect(r.message).toContain("nil key");
  });
});
