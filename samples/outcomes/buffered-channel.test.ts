import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../buffered-channel";
import { endingOf, ms, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("buffered-channel", () => {
  it.each(SCHEDULES)("the first three sends fill the buffer 1, 2, 3 without blocking ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const sends = t.sends("messages", "main");
    expect(sends.slice(0, 3).map((e) => [e.v, e.len, e.t])).toEqual([
      ["1", 1, 0],
      ["2", 2, 0],
      ["3", 3, 0],
    ]);
    const firstBlock = t.by("main", "block")[0]!;
    expect(firstBlock.seq).toBeGreaterThan(sends[2]!.seq);
  });

  it.each(SCHEDULES)(
    "the fourth send blocks main until the consumer takes the head, then joins the tail ($strategy, seed $seed)",
    async (s) => {
      const t = await traced(main, s);
      const messages = t.channel("messages");
      const consumer = t.goroutine("consumer");
      expect(t.by("main", "block")[0]).toMatchObject({ reason: "chan send", ch: messages, v: "4", t: 0 });
      const head = t.recvs("messages", "consumer")[0]!;
      expect(head).toMatchObject({ v: "1", len: 2, t: ms(50) });
      const fourth = t.sends("messages", "main")[3]!;
      expect(fourth).toMatchObject({ v: "4", len: 3, t: ms(50) });
      expect(fourth.seq).toBe(head.seq + 1);
      expect(t.events[fourth.seq + 1]).toMatchObject({ kind: "unblock", g: 1, by: consumer });
    },
  );

  it.each(SCHEDULES)("the consumer receives 1, 2, 3, 4 in order and then sees the close ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    expect(t.recvs("messages", "consumer").map((e) => e.v)).toEqual(["1", "2", "3", "4"]);
    expect(t.closedRecvs("messages").map((e) => t.nameOf(e.g))).toEqual(["consumer"]);
    expect(t.finalStates()).toEqual({ main: "exited", consumer: "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("buffered-channel")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
