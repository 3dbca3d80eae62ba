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
});
