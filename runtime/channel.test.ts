import { describe, expect, it } from "vitest";
import { chan, nilChan } from "./channel";
import { go } from "./go";
import { GoPanic, isPanic } from "./panic";
import { eventsOf, runTest } from "./testing/testRuns";
import { sleep } from "./time";

describe("channels", () => {
  it("unbuffered send blocks until a receiver takes the value", async () => {
    const log: string[] = [];
    const r = await runTest(async () => {
      const ch = chan<number>(0, "c");
      go(async () => {
        await sleep(10);
        log.push("receiver receives");
        log.push(`got ${await ch.recv()}`);
      });
      await ch.send(7);
      log.push("send returned");
    });
    expect(r.status).toBe("ok");
    // The receiver took the value and keeps running; the sender resumes after it.
    expect(log).toEqual(["receiver receives", "got 7", "send returned"]);
    const block = eventsOf(r.events, "block").find((e) => e.g === 1);
    expect(block).toMatchObject({ reason: "chan send", ch: 1, v: "7" });
    expect(eventsOf(r.events, "send")[0]).toMatchObject({ g: 1, t: 10_000_000, peer: 2 });
  });

  it("unbuffered receive blocks until a sender sends", async () => {
    const log: string[] = [];
    const r = await runTest(async () => {
      const ch = chan<string>();
      go(async () => {
        await sleep(5);
        log.push("sender sends");
        await ch.send("x");
      });
      const v = await ch.recv();
      log.push(`received ${v}`);
    });
    expect(log).toEqual(["sender sends", "received x"]);
    expect(eventsOf(r.events, "block").find((e) => e.g === 1)).toMatchObject({ reason: "chan receive", ch: 1 });
    expect(eventsOf(r.events, "recv")[0]).toMatchObject({ g: 1, t: 5_000_000, v: '"x"', ok: true });
  });

  it("a channel of capacity n takes n sends without blocking and blocks on the next", async () => {
    let sent = 0;
    const r = await runTest(async () => {
      const ch = chan<number>(3);
      go(async () => {
        for (let i = 0; i < 4; i++) {
          await ch.send(i);
          sent++;
        }
      }, "sender");
      await sleep(1);
      expect(sent).toBe(3);
      expect(ch.len()).toBe(3);
      expect(ch.cap()).toBe(3);
      await ch.recv();
      await sleep(1);
      expect(sent).toBe(4);
    });
    expect(r.status).toBe("ok");
    const blocks = eventsOf(r.events, "block").filter((e) => e.g === 2);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ reason: "chan send", v: "3" });
  });

  it("buffered values come out in FIFO order", async () => {
    const got: number[] = [];
    await runTest(async () => {
      const ch = chan<number>(5);
      for (let i = 1; i <= 5; i++) await ch.send(i);
      for (let i = 0; i < 5; i++) got.push((await ch.recv())!);
    });
    expect(got).toEqual([1, 2, 3, 4, 5]);
  });

  it("with the buffer full and senders parked, a receive takes the head and the oldest parked sender's value joins the tail", async () => {
    const got: number[] = [];
    const r = await runTest(async () => {
      const ch = chan<number>(2, "buf");
      await ch.send(1);
      await ch.send(2);
      go(() => ch.send(3), "s3");
      go(() => ch.send(4), "s4");
      await sleep(1);
      expect(ch.len()).toBe(2);
      got.push((await ch.recv())!);
      expect(ch.len()).toBe(2);
      for (let i = 0; i < 3; i++) got.push((await ch.recv())!);
    });
    expect(got).toEqual([1, 2, 3, 4]);
    // The head's recv is recorded first, then the parked sender's send (buffer full again), then its wake-up.
    const i = r.events.findIndex((e) => e.kind === "recv" && e.v === "1");
    expect(r.events.slice(i, i + 3).map((e) => [e.kind, e.g])).toEqual([
      ["recv", 1],
      ["send", 2],
      ["unblock", 2],
    ]);
    expect(r.events[i]).toMatchObject({ len: 1 });
    expect(r.events[i + 1]).toMatchObject({ v: "3", len: 2 });
  });

  it("blocked receivers are served in FIFO order", async () => {
    const order: string[] = [];
    await runTest(async () => {
      const ch = chan<number>();
      for (const name of ["a", "b", "c"]) {
        go(async () => {
          await ch.recv();
          order.push(name);
        }, name);
      }
      await sleep(1);
      for (let i = 0; i < 3; i++) await ch.send(i);
      await sleep(1);
    });
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("blocked senders are served in FIFO order", async () => {
    const got: string[] = [];
    await runTest(async () => {
      const ch = chan<string>();
      for (const name of ["a", "b", "c"]) go(() => ch.send(name), name);
      await sleep(1);
      for (let i = 0; i < 3; i++) got.push((await ch.recv())!);
    });
    expect(got).toEqual(["a", "b", "c"]);
  });

  it("close delivers the remaining buffered values, then (undefined, ok=false) forever without blocking", async () => {
    const got: unknown[] = [];
    const r = await runTest(async () => {
      const ch = chan<number>(3);
      await ch.send(1);
      await ch.send(2);
      ch.close();
      for (let i = 0; i < 4; i++) got.push(await ch.recvOk());
      got.push(await ch.recv());
    });
    expect(got).toEqual([[1, true], [2, true], [undefined, false], [undefined, false], undefined]);
    expect(eventsOf(r.events, "block")).toHaveLength(0);
    expect(eventsOf(r.events, "close")[0]).toMatchObject({ len: 2 });
  });

  it("close wakes every blocked receiver with ok=false", async () => {
    const got: unknown[] = [];
    const r = await runTest(async () => {
      const ch = chan<number>();
      for (let i = 0; i < 3; i++) go(async () => void got.push(await ch.recvOk()));
      await sleep(1);
      ch.close();
      await sleep(1);
    });
    expect(got).toEqual([
      [undefined, false],
      [undefined, false],
      [undefined, false],
    ]);
    expect(eventsOf(r.events, "recv").map((e) => e.ok)).toEqual([false, false, false]);
    expect(
      eventsOf(r.events, "unblock")
        .filter((e) => e.g !== 1)
        .map((e) => e.by),
    ).toEqual([1, 1, 1]);
  });

  it("close makes every blocked sender panic with send on closed channel", async () => {
    const errors: string[] = [];
    const r = await runTest(async () => {
      const ch = chan<number>();
      for (let i = 0; i < 2; i++) {
        go(async () => {
          try {
            await ch.send(i);
          } catch (e) {
            errors.push(isPanic(e) ? e.message : "not a panic");
          }
        });
      }
      await sleep(1);
      ch.close();
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    expect(errors).toEqual(["send on closed channel", "send on closed channel"]);
  });

  it("send on a closed channel panics with send on closed channel", async () => {
    const r = await runTest(async () => {
      const ch = chan<number>(1);
      ch.close();
      await ch.send(1);
    });
    expect(r.status).toBe("panic");
    expect(r.message).toContain("send on closed channel");
    expect(r.panic).toMatchObject({ g: 1, message: "send on closed channel" });
  });

  it("close of a closed channel panics with close of closed channel", async () => {
    const r = await runTest(() => {
      const ch = chan<number>();
      ch.close();
      ch.close();
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toBe("close of closed channel");
  });

  it("close of a nil channel panics with close of nil channel", async () => {
    let caught: unknown;
    await runTest(() => {
      try {
        nilChan<number>().close();
      } catch (e) {
        caught = e;
      }
    });
    expect(caught).toBeInstanceOf(GoPanic);
    expect((caught as GoPanic).message).toBe("close of nil channel");
  });

  it("send on a nil channel blocks forever", async () => {
    const r = await runTest(async () => {
      await nilChan<number>().send(1);
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines[0]).toMatchObject({ id: 1, reason: "chan send (nil chan)" });
  });

  it("receive on a nil channel blocks forever", async () => {
    const r = await runTest(async () => {
      await nilChan<number>().recv();
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines[0]).toMatchObject({ id: 1, reason: "chan receive (nil chan)" });
  });

  it("range ends when the channel is closed and drained", async () => {
    const got: number[] = [];
    const r = await runTest(async () => {
      const ch = chan<number>(2);
      go(async () => {
        for (let i = 0; i < 5; i++) await ch.send(i);
        ch.close();
      });
      for await (const v of ch) got.push(v);
    });
    expect(r.status).toBe("ok");
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });

  it("a capacity beyond what a trace holds panics rather than being recorded wrapped", async () => {
    const r = await runTest(() => {
      chan(2 ** 40);
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toBe("makechan: size out of range");
  });

  it("a capacity past 2^30 is a channel like any other: its buffer grows as it fills", async () => {
    const got: number[] = [];
    const r = await runTest(async () => {
      const big = chan<number>(2 ** 30 + 1, "big");
      for (let i = 0; i < 100; i++) await big.send(i);
      expect(big.cap()).toBe(2 ** 30 + 1);
      expect(big.len()).toBe(100);
      for (let i = 0; i < 100; i++) got.push((await big.recv())!);
    });
    expect(r.status).toBe("ok");
    expect(got).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("a negative or fractional capacity panics", async () => {
    const r = await runTest(() => {
      chan(-1);
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toBe("makechan: size out of range");
  });

  it("chan outside a run throws a clear error", () => {
    expect(() => chan()).toThrow(/outside run\(\)/);
  });

  it("send on a closed channel panics at the call, so a forgotten await leaves no unhandled rejection", async () => {
    let caught: unknown;
    await runTest(() => {
      const ch = chan<number>();
      ch.close();
      try {
        void ch.send(1); // not awaited
      } catch (e) {
        caught = e;
      }
    });
    expect(isPanic(caught)).toBe(true);
  });
});
