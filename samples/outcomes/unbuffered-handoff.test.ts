import { describe, expect, it } from "vitest";
import { sampleById } from "../catalog/catalog";
import main from "../unbuffered-handoff";
import { endingOf, runSample, SCHEDULES, traced } from "../testing/sampleRuns";

describe("unbuffered-handoff", () => {
  it.each(SCHEDULES)("the ball goes ping, pong, ping… with the hit count rising from 1 to 6 ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const ping = t.channel("ping");
    const sends = t.of("send").map((e) => [t.nameOf(e.g), e.ch === ping ? "ping" : "pong", e.v]);
    expect(sends).toEqual([
      ["ping", "ping", "1"],
      ["pong", "pong", "2"],
      ["ping", "ping", "3"],
      ["pong", "pong", "4"],
      ["ping", "ping", "5"],
      ["pong", "pong", "6"],
    ]);
  });

  it.each(SCHEDULES)("every send hands its value straight to the receiver, through no buffer ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const sends = t.of("send");
    expect(sends).toHaveLength(6);
    for (const send of sends) {
      expect(send.len).toBe(0);
      const recv = t.of("recv").find((r) => r.from === send.seq);
      expect(recv).toMatchObject({ g: send.peer, ch: send.ch, v: send.v, peer: send.g, t: send.t });
    }
  });

  it.each(SCHEDULES)("each player waits, blocked on chan receive, while the other holds the ball ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    for (const recv of t.of("recv").filter((r) => r.ok)) {
      const before = t.events.slice(0, recv.seq).filter((e) => e.g === recv.g && (e.kind === "block" || e.kind === "run"));
      const lastBlock = [...before].reverse().find((e) => e.kind === "block");
      expect(lastBlock).toMatchObject({ reason: "chan receive", ch: recv.ch });
      // It was still parked: it had not run since it blocked.
      expect(before[before.length - 1]?.kind).toBe("block");
    }
  });

  it.each(SCHEDULES)("pong's range ends when ping closes the channel, and both players exit ($strategy, seed $seed)", async (s) => {
    const t = await traced(main, s);
    const close = t.indexOf((e) => e.kind === "close" && e.ch === t.channel("ping"), "ping closes");
    expect(t.events[close]!.g).toBe(t.goroutine("ping"));
    expect(t.closedRecvs("ping").map((e) => e.g)).toEqual([t.goroutine("pong")]);
    expect(t.exitIndex("pong")).toBeGreaterThan(close);
    expect(t.finalStates()).toEqual({ main: "exited", ping: "exited", pong: "exited" });
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(sampleById("unbuffered-handoff")?.ending);
  });

  it.each(SCHEDULES)("the same schedule gives the same events ($strategy, seed $seed)", async (s) => {
    const [a, b] = [await runSample(main, s), await runSample(main, s)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
