import { describe, expect, it } from "vitest";
import { trace } from "../../traces/model/traceFixture";
import { channelWaits, waitCountAt } from "./channelWaits";
import { handoffModel } from "./timelineFixtures";

describe("who waits on each channel", () => {
  it("a goroutine parked receiving counts as a receiver waiting on that channel for as long as it is blocked", () => {
    const waits = channelWaits(handoffModel()).get(1);
    expect(waits).toBeDefined();
    expect(waitCountAt(waits!.receivers, 5)).toBe(0);
    expect(waitCountAt(waits!.receivers, 6)).toBe(1);
    expect(waitCountAt(waits!.receivers, 8)).toBe(1);
    expect(waitCountAt(waits!.receivers, 9)).toBe(0);
    expect(waits!.senders.index.length).toBe(0);
  });

  it("a goroutine parked in a select waits on each of its cases' channels", () => {
    const model = trace()
      .main()
      .make(1, 1, 0, "a")
      .make(1, 2, 0, "b")
      .block(1, "select", { cases: [{ ch: 1, dir: "recv" }, { ch: 2, dir: "send" }, { ch: null, dir: "recv" }] })
      .deadlock()
      .end("deadlock")
      .model();
    const waits = channelWaits(model);
    expect(waitCountAt(waits.get(1)!.receivers, 4)).toBe(1);
    expect(waitCountAt(waits.get(2)!.senders, 4)).toBe(1);
    expect(waits.get(1)!.senders.index.length).toBe(0);
  });

  it("two goroutines blocked sending at once count two", () => {
    const model = trace()
      .main()
      .make(1, 1, 0, "c")
      .spawn(1, 2)
      .spawn(1, 3)
      .block(1, "sleep")
      .run(2)
      .block(2, "chan send", { ch: 1, v: "x" })
      .run(3)
      .block(3, "chan send", { ch: 1, v: "y" })
      .deadlock()
      .end("deadlock")
      .model();
    const senders = channelWaits(model).get(1)!.senders;
    expect(waitCountAt(senders, 7)).toBe(1);
    expect(waitCountAt(senders, 9)).toBe(2);
  });
});
