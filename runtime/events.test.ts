// The event ordering rules and links between events (HACKING.md, "Event order").

import { describe, expect, it } from "vitest";
import { isEventKind } from "../traces/codes";
import { VALUE_PREVIEW_MAX } from "../traces/events";
import { chan } from "./channel";
import { go } from "./go";
import { runTest, shape } from "./testing/testRuns";
import { sleep } from "./time";

describe("event order", () => {
  it("a send to a parked receiver records send, recv, unblock, linked by peer and from", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(0, "c");
      go(() => c.recv(), "receiver");
      await sleep(1);
      await c.send(5);
    });
    const i = r.events.findIndex((e) => e.kind === "send");
    expect(r.events.slice(i, i + 3)).toMatchObject([
      { kind: "send", g: 1, ch: 1, v: "5", len: 0, peer: 2 },
      { kind: "recv", g: 2, ch: 1, v: "5", ok: true, len: 0, peer: 1, from: r.events[i]!.seq },
      { kind: "unblock", g: 2, by: 1 },
    ]);
  });

  it("a receive from a parked sender records the sender's send first, then the recv, then the sender's unblock", async () => {
    const r = await runTest(async () => {
      const c = chan<number>();
      go(() => c.send(8), "sender");
      await sleep(1);
      await c.recv();
    });
    expect(shape(r.events, ["block"])).toContain(JSON.stringify({ g: 2, kind: "block", reason: "chan send", ch: 1, v: "8" }));
    expect(shape(r.events, ["send", "recv", "unblock"]).slice(-3)).toEqual([
      JSON.stringify({ g: 2, kind: "send", ch: 1, v: "8", len: 0, peer: 1 }),
      JSON.stringify({ g: 1, kind: "recv", ch: 1, v: "8", ok: true, len: 0, peer: 2, from: r.events.find((e) => e.kind === "send")!.seq }),
      JSON.stringify({ g: 2, kind: "unblock", by: 1 }),
    ]);
  });

  it("a receive through the buffer links to the send whose value it took", async () => {
    const r = await runTest(async () => {
      const c = chan<string>(2);
      go(async () => {
        await c.send("a");
        await c.send("b");
      }, "producer");
      await sleep(1);
      await c.recv();
      await c.recv();
    });
    const sends = r.events.filter((e) => e.kind === "send");
    const recvs = r.events.filter((e) => e.kind === "recv");
    expect(sends.map((e) => (e.kind === "send" ? e.len : -1))).toEqual([1, 2]);
    expect(recvs).toMatchObject([
      { v: '"a"', from: sends[0]!.seq, peer: 2, len: 1 },
      { v: '"b"', from: sends[1]!.seq, peer: 2, len: 0 },
    ]);
  });

  it("buffer lengths on events replay to the channel's real occupancy", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(3);
      go(async () => {
        for (let i = 0; i < 10; i++) await c.send(i);
        c.close();
      });
      for await (const v of c) if (v % 3 === 0) await sleep(1);
    });
    let len = 0;
    for (const e of r.events) {
      if (e.kind === "send") {
        if (e.peer === undefined) len++;
        expect(e.len).toBe(len);
      } else if (e.kind === "recv") {
        if (e.ok && e.peer !== undefined && e.len === len - 1) len--;
        expect(e.len).toBe(len);
      }
    }
    expect(len).toBe(0);
  });

  it("every materialized event has a known kind and value previews are bounded", async () => {
    const r = await runTest(async () => {
      const c = chan<unknown>(4);
      await c.send("x".repeat(10_000));
      await c.send({ deep: { deeper: { deepest: [1, 2, 3] } }, list: new Array(1000).fill(7) });
      await c.send(Symbol("s"));
      await c.send(12n);
      for (let i = 0; i < 4; i++) await c.recv();
    });
    for (const e of r.events) {
      expect(isEventKind(e.kind)).toBe(true);
      if ("v" in e && e.v !== undefined) expect(e.v.length).toBeLessThanOrEqual(VALUE_PREVIEW_MAX);
    }
  });

  it("an object's preview shows it as sent, even if it is mutated afterwards", async () => {
    const r = await runTest(async () => {
      const c = chan<{ n: number }>(1);
      const o = { n: 1 };
      await c.send(o);
      o.n = 2;
      await c.recv();
    });
    expect(r.events.filter((e) => e.kind === "send" || e.kind === "recv").map((e) => ("v" in e ? e.v : ""))).toEqual(["{n: 1}", "{n: 1}"]);
  });
});
