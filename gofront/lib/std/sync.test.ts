import { describe, expect, it } from "vitest";
import { go } from "../../../runtime/index";
import { pointerTo } from "../types";
import { Iface, goString } from "../values";
import { STRING } from "./goShared";
import { Cond, Map as SyncMap, Mutex, Mutex$type, OnceFunc, RWMutex, WaitGroup } from "./sync";
import { runGo } from "./testing/runGo";

const kinds = (events: readonly { kind: string }[], kind: string): number => events.filter((e) => e.kind === kind).length;

describe("sync", () => {
  it("a WaitGroup waits for its goroutines, with the runtime's events and the Go variable's name", async () => {
    const done: number[] = [];
    const r = await runGo(async (std) => {
      const wg = new std.sync.WaitGroup("wg");
      wg.Add(2);
      for (const i of [1, 2])
        go(async () => {
          await std.time.Sleep(i * 1e6);
          done.push(i);
          wg.Done();
        });
      wg.Go(() => done.push(3));
      await wg.Wait();
    });
    expect(r.status).toBe("ok");
    expect(done).toEqual([3, 1, 2]);
    expect(r.events.find((e) => e.kind === "sync.make")).toMatchObject({ name: "wg" });
    expect(kinds(r.events, "wg.wait")).toBeGreaterThan(0);
  });

  it("a negative WaitGroup counter panics as Go's", async () => {
    const r = await runGo(() => new WaitGroup().Done());
    expect(r.message).toContain("sync: negative WaitGroup counter");
  });

  it("a Mutex excludes, shows Go's wait reason while contended, and TryLock fails while held", async () => {
    const order: string[] = [];
    const r = await runGo(async (std) => {
      const mu = new std.sync.Mutex("mu");
      const wg = new WaitGroup();
      await mu.Lock();
      order.push(`try ${mu.TryLock()}`);
      wg.Add(1);
      go(async () => {
        await mu.Lock();
        order.push("g locked");
        mu.Unlock();
        wg.Done();
      });
      await std.time.Sleep(1e6);
      order.push("main unlocks");
      mu.Unlock();
      await wg.Wait();
    });
    expect(order).toEqual(["try false", "main unlocks", "g locked"]);
    expect(r.events.some((e) => e.kind === "block" && e.reason === "sync.Mutex.Lock")).toBe(true);
  });

  it("Unlock of an unlocked Mutex is Go's fatal error", async () => {
    const r = await runGo(() => new Mutex().Unlock());
    expect(r.status).toBe("panic");
    expect(r.message).toContain("sync: unlock of unlocked mutex");
  });

  it("*sync.Mutex's method table makes it a Locker; an RWMutex's RLocker locks for reading", async () => {
    const r = await runGo(async () => {
      const mu = new Mutex();
      const locker = new Iface(pointerTo(Mutex$type), mu);
      await locker.type.methods.get("Lock")!(locker.value);
      expect(mu.TryLock()).toBe(false);
      locker.type.methods.get("Unlock")!(locker.value);
      const rw = new RWMutex();
      const rl = rw.RLocker();
      await rl.type.methods.get("Lock")!(rl.value);
      expect(rw.TryRLock()).toBe(true);
      expect(rw.TryLock()).toBe(false);
    });
    expect(r.status).toBe("ok");
  });

  it("Once.Do runs f once, awaiting f when it blocks; later callers wait for it", async () => {
    let runs = 0;
    let waited = 0;
    const r = await runGo(async (std) => {
      const start = std.time.Now();
      const once = new std.sync.Once("once");
      const wg = new WaitGroup();
      wg.Add(1);
      go(async () => {
        await once.Do(async () => {
          runs++;
          await std.time.Sleep(5e6);
        });
        wg.Done();
      });
      await std.time.Sleep(1e6);
      await once.Do(() => runs++);
      waited = std.time.Since(start);
      await wg.Wait();
    });
    expect(r.status).toBe("ok");
    expect([runs, waited]).toEqual([1, 5e6]);
    expect(r.events.some((e) => e.kind === "block" && e.reason === "sync.Once.Do")).toBe(true);
  });

  it("a Cond made by NewCond over a *Mutex wakes its waiter on Signal", async () => {
    const log: string[] = [];
    const r = await runGo(async (std) => {
      const mu = new Mutex("mu");
      const c = std.sync.NewCond(new Iface(pointerTo(Mutex$type), mu));
      let ready = false;
      go(async () => {
        await std.time.Sleep(1e6);
        await mu.Lock();
        ready = true;
        c.Signal();
        mu.Unlock();
      });
      await mu.Lock();
      while (!ready) await c.Wait();
      log.push("ready");
      mu.Unlock();
    });
    expect(r.status).toBe("ok");
    expect(log).toEqual(["ready"]);
    expect(r.events.some((e) => e.kind === "block" && e.reason === "sync.Cond.Wait")).toBe(true);
    expect(new Cond().L).toBeNull();
  });

  it("a sync.Map compares keys with Go's ==", () => {
    const m = new SyncMap();
    const key = (s: string): Iface => new Iface(STRING, goString(s));
    m.Store(key("a"), key("1"));
    expect(m.LoadOrStore(key("a"), key("2"))[1]).toBe(true);
    expect(m.LoadOrStore(key("b"), key("3"))).toEqual([key("3"), false]);
    const seen: unknown[] = [];
    m.Range((k) => seen.push((k as Iface).value) > 0);
    expect(seen).toEqual(["a", "b"]);
    expect(m.LoadAndDelete(key("a"))[1]).toBe(true);
    expect(m.Load(key("a"))).toEqual([null, false]);
  });

  it("OnceFunc runs f once and panics again on every call when f panicked", () => {
    let n = 0;
    const f = OnceFunc(() => n++);
    f();
    f();
    expect(n).toBe(1);
    const g = OnceFunc(() => {
      throw new Error("boom");
    });
    expect(() => g()).toThrow("boom");
    expect(() => g()).toThrow("boom");
  });
});
