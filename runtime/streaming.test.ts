import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../traces/events";
import { chan, go, run, sleep } from "./index";

describe("streaming events to the host", () => {
  it("hands every event to onEvents before a goroutine woken by a real-clock timer runs again", async () => {
    const batches: (readonly TraceEvent[])[] = [];
    let seenBeforeWake = -1;
    await run(
      async () => {
        const c = chan<number>(1, "c");
        go(async () => {
          await c.send(1);
        }, "sender");
        await c.recv();
        await sleep(20);
        // A host whose worker is terminated now must already hold the receive.
        seenBeforeWake = batches.flat().filter((e) => e.kind === "recv").length;
      },
      { clock: "real", onEvents: (b) => batches.push(b) },
    );
    expect(seenBeforeWake).toBe(1);
  });

  it("with deliver each-operation, hands over every event before the program continues after an operation", async () => {
    let delivered = 0;
    const seen: number[] = [];
    const result = await run(
      async () => {
        const c = chan<number>(2, "c");
        go(async () => {
          await c.send(1);
        }, "sender");
        await c.send(2);
        // A program that spins here, never calling the runtime again, has already handed over the send.
        seen.push(delivered);
        await c.recv();
        seen.push(delivered);
      },
      { deliver: "each-operation", onEvents: (b) => (delivered += b.length) },
    );
    const sent = result.events.findIndex((e) => e.kind === "send" && e.g === 1);
    const received = result.events.findIndex((e) => e.kind === "recv" && e.g === 1);
    expect(seen).toEqual([sent + 1, received + 1]);
    expect(delivered).toBe(result.events.length);
  });
});
