import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../../traces/events";
import { StateCode } from "../../traces/model/index";
import { describeChannel, describeChannelAt } from "./tracks/channelTrack";
import { describeFlow } from "./tracks/flowTrack";
import { describeSpan } from "./tracks/goroutineTrack";
import { describeEvent } from "./words";
import { bufferModel, handoffModel } from "../testing/timelineFixtures";
import { trace } from "../../traces/testing/traceBuilder";

describe("tooltip words", () => {
  const model = handoffModel();
  const worker = model.goroutine(goroutineId(2))!.spans;
  const blocked = [...Array(worker.length).keys()].find((k) => worker.stateCode(k) === StateCode.blockedRecv)!;

  it("a blocked span says who waits on which channel, since when", () => {
    const d = describeSpan(model, goroutineId(2), blocked, 1, StateCode.blockedRecv);
    expect(d?.title).toBe("G2 worker — waiting to receive from `jobs` since event #6 (60ns)");
    expect(d?.detail).toBe("blocked for 3 events, 30ns");
  });

  it("a deadlocked span says how long the goroutine had been blocked, from its block, and that it never resumes", () => {
    const m = trace()
      .main() // 0, 1
      .make(1, 1, 0, "a") // 2
      .spawn(1, 2, "ping") // 3
      .run(2) // 4
      .block(2, "chan receive", { ch: 1 }) // 5
      .run(1) // 6
      .block(1, "chan receive", { ch: 1 }) // 7
      .deadlock() // 8
      .end("deadlock") // 9
      .model();
    const spans = m.goroutine(goroutineId(2))!.spans;
    const dead = [...Array(spans.length).keys()].find((k) => spans.stateCode(k) === StateCode.deadlocked)!;
    const d = describeSpan(m, goroutineId(2), dead, 1, StateCode.deadlocked);
    expect(d?.title).toBe("G2 ping — deadlocked: waiting to receive from `a` since event #5 (50ns)");
    expect(d?.detail).toBe("blocked for 5 events, 40ns when the run ended; it never resumes");
  });

  it("a merged bar says how many spans it stands for and what most of it was", () => {
    const d = describeSpan(model, goroutineId(2), blocked, 12, StateCode.runnable);
    expect(d?.title).toBe("G2 worker — 12 spans in this pixel");
    expect(d?.detail).toContain("mostly runnable");
  });

  it("a send says what went where", () => {
    expect(describeEvent(model, eventIndex(8))?.title).toBe("G1 main — send 42 to `jobs` → G2 worker");
    expect(describeEvent(model, eventIndex(8))?.detail).toContain("handed to G2 worker");
    expect(describeEvent(model, eventIndex(12))?.detail).toContain("sent by G1 main at event #8");
  });

  it("a flow names both ends and the way it went", () => {
    const d = describeFlow(model, 0);
    expect(d?.title).toBe("`jobs`: 42 from G1 main to G2 worker");
    expect(d?.detail).toContain("handed over directly");
    expect(describeFlow(bufferModel(), 0)?.detail).toContain("through the buffer");
  });

  it("a channel at a moment says how full it is and who waits on it", () => {
    const d = describeChannelAt(model, channelId(1), eventIndex(7));
    expect(d?.title).toBe("`jobs` after event #7 (70ns): unbuffered");
    expect(d?.detail).toBe("1 receiver waiting: G2 worker");
    expect(describeChannelAt(bufferModel(), channelId(1), eventIndex(5))?.title).toBe("`results` after event #5 (50ns): 3 of 3 buffered");
    expect(describeChannelAt(bufferModel(), channelId(1), eventIndex(5))?.detail).toBe("nobody waiting on it");
    expect(describeChannelAt(bufferModel(), channelId(1), eventIndex(9))?.title).toContain("closed");
  });

  it("a channel says its kind, its traffic and its close", () => {
    const d = describeChannel(bufferModel(), channelId(1));
    expect(d?.title).toBe("`results` — buffered, capacity 3");
    expect(d?.detail).toContain("3 sends, 2 receives");
    expect(d?.detail).toContain("closed at event #8 by G1 main");
  });
});
