import { describe, expect, it } from "vitest";
import { go } from "../../../runtime/index";
import { basicType } from "../types";
import { Iface, Ptr } from "../values";
import { STRING } from "./goShared";
import { runGo } from "./testing/runGo";

/** A Go variable and a pointer to it, as compiled code takes &n. */
function variable(name: string, initial: number): { readonly vars: Record<string, number>; readonly p: Ptr<number> } {
  const vars: Record<string, number> = { [name]: initial };
  return {
    vars,
    p: new Ptr(
      () => vars[name]!,
      (v) => (vars[name] = v),
      vars,
      name,
    ),
  };
}

describe("sync/atomic", () => {
  it("AddInt64 on a variable counts every goroutine's add, one sync.op each, on a cell named after it", async () => {
    const { vars, p } = variable("ops", 0);
    const r = await runGo(async (std) => {
      const wg = new std.sync.WaitGroup();
      for (let i = 0; i < 50; i++) {
        wg.Add(1);
        go(async () => {
          std["sync/atomic"].AddInt64(p, 1);
          await std.time.Sleep(1e6);
          wg.Done();
        });
      }
      await wg.Wait();
    });
    expect(r.status).toBe("ok");
    expect(vars["ops"]).toBe(50);
    const ops = r.events.filter((e) => e.kind === "sync.op" && e.op === "add");
    expect(ops).toHaveLength(50);
    expect(r.events.filter((e) => e.kind === "sync.make" && e.type === "Atomic")).toEqual([expect.objectContaining({ name: "ops" })]);
  });

  it("reads what the program wrote to the variable in between, and wraps 32-bit values", async () => {
    const { vars, p } = variable("n", 0x7fffffff);
    const u = variable("u", 0);
    const results: unknown[] = [];
    await runGo((std) => {
      const a = std["sync/atomic"];
      results.push(a.AddInt32(p, 1));
      vars["n"] = 10;
      results.push(a.LoadInt32(p), a.SwapInt32(p, 20), a.CompareAndSwapInt32(p, 5, 6), a.CompareAndSwapInt32(p, 20, 21), vars["n"]);
      results.push(a.AddUint32(u.p, -1), a.AddUint64(variable("w", 5).p, 3));
      a.StoreInt64(variable("s", 0).p, 9);
    });
    expect(results).toEqual([-2147483648, 10, 10, false, true, 21, 4294967295, 8]);
  });

  it("typed values are the runtime's: Int32 wraps, Bool swaps, each operation recorded", async () => {
    const out: unknown[] = [];
    const r = await runGo((std) => {
      const a = std["sync/atomic"];
      const n = new a.Int32("hits");
      n.Store(0x7fffffff);
      out.push(n.Add(1), n.CompareAndSwap(-2147483648, 1), n.Load());
      const b = new a.Bool();
      out.push(b.Swap(true), b.Load());
    });
    expect(out).toEqual([-2147483648, true, 1, false, true]);
    expect(r.events.filter((e) => e.kind === "sync.op")).toHaveLength(6);
  });

  it("a Value holds an interface value of one dynamic type and panics as Go's otherwise", async () => {
    const s = (text: string): Iface => new Iface(STRING, text);
    const out: unknown[] = [];
    const r = await runGo((std) => {
      const v = new std["sync/atomic"].Value();
      out.push(v.Load(), v.CompareAndSwap(null, s("a")));
      out.push(v.CompareAndSwap(s("a"), s("b")), (v.Load() as Iface).value, (v.Swap(s("c")) as Iface).value);
      v.Store(new Iface(basicType("int"), 1));
    });
    expect(out).toEqual([null, true, true, "b", "b"]);
    expect(r.message).toContain("sync/atomic: store of inconsistently typed value into Value");
    const nil = await runGo((std) => new std["sync/atomic"].Value().Store(null));
    expect(nil.message).toContain("sync/atomic: store of nil value into Value");
  });
});
