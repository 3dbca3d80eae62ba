import { describe, expect, it } from "vitest";
import type { RecvChan } from "../../../runtime/index";
import { callMethod, newError } from "./goShared";
import { runGo } from "./testing/runGo";

describe("golang.org/x/sync/errgroup", () => {
  it("Wait returns the first error, and WithContext's context is cancelled by it with the error as cause", async () => {
    const boom = newError("boom");
    const seen: unknown[] = [];
    const r = await runGo(async (std) => {
      const [g, ctx] = std["golang.org/x/sync/errgroup"].WithContext(std.context.Background());
      await g.Go(async () => {
        await std.time.Sleep(10e6);
        return boom;
      });
      await g.Go(async () => {
        await (callMethod(ctx, "Done") as RecvChan<unknown>).recv();
        seen.push(callMethod(ctx, "Err") === std.context.Canceled, std.context.Cause(ctx) === boom);
        return null;
      });
      seen.push((await g.Wait()) === boom);
    });
    expect(r.status).toBe("ok");
    expect(seen).toEqual([true, true, true]);
    expect(r.events.some((e) => e.kind === "block" && e.reason === "errgroup.Group.Wait")).toBe(true);
    expect(r.events.some((e) => e.kind === "sync.op" && e.v === "*errors.errorString: boom")).toBe(true);
  });

  it("SetLimit makes Go block until a task returns; TryGo refuses at the limit; Wait is nil without errors", async () => {
    const seen: unknown[] = [];
    const r = await runGo(async (std) => {
      const g = new std["golang.org/x/sync/errgroup"].Group("g");
      g.SetLimit(1);
      const start = std.time.Now();
      await g.Go(async () => {
        await std.time.Sleep(5e6);
        return null;
      });
      seen.push(g.TryGo(() => null));
      await g.Go(() => null);
      seen.push(std.time.Since(start), await g.Wait());
    });
    expect(seen).toEqual([false, 5e6, null]);
    expect(r.events.some((e) => e.kind === "block" && e.reason === "errgroup.Group.Go")).toBe(true);
  });
});

describe("golang.org/x/sync/semaphore", () => {
  it("Acquire blocks until units are released, and gives the context's error when it ends first", async () => {
    const seen: unknown[] = [];
    const r = await runGo(async (std) => {
      const sem = std["golang.org/x/sync/semaphore"].NewWeighted(2);
      const bg = std.context.Background();
      seen.push(await sem.Acquire(bg, 2), sem.TryAcquire(1));
      const [ctx] = std.context.WithTimeout(bg, 10e6);
      const err = await sem.Acquire(ctx, 1);
      seen.push(err === std.context.DeadlineExceeded);
      sem.Release(2);
      seen.push(sem.TryAcquire(2));
      sem.Release(3);
    });
    expect(seen).toEqual([null, false, true, true]);
    expect(r.status).toBe("panic");
    expect(r.message).toContain("semaphore: released more than held");
    expect(r.events.some((e) => e.kind === "block" && e.reason === "semaphore.Weighted.Acquire")).toBe(true);
  });
});
