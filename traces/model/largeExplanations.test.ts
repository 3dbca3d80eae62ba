// A deadlock with thousands of goroutines parked on one channel is explained in
// time linear in them: each one's sentence names a few of the others and
// counts the rest, from groups of users built once per channel.
import { describe, expect, it } from "vitest";
import { crowdedDeadlockTrace } from "../testing/fixtureTraces";
import { buildModel } from "./builder";

const SENDERS = 5_000;

describe("explaining a deadlock of thousands of goroutines", () => {
  it("names a few of each one's fellow users and counts the rest, in linear time", () => {
    const model = buildModel(crowdedDeadlockTrace(SENDERS).events);
    const started = performance.now();
    const x = model.explanation;
    const elapsed = performance.now() - started;
    // Loose bound: every sentence walking every other sender took minutes.
    expect(elapsed).toBeLessThan(10_000);
    expect(x.items).toHaveLength(SENDERS + 1);
    const first = x.items.find((it) => it.g === 2);
    expect(first?.why).toMatch(/^which no running goroutine receives from: of its other users, G3 is blocked too \(waiting to send/);
    expect(first?.why).toContain(`; ${SENDERS - 1 - 8} more are blocked too`);
    // The last sender names the first ones, not itself.
    const last = x.items.find((it) => it.g === SENDERS + 1);
    expect(last?.why).toContain("G2 is blocked too");
    expect(last?.why).not.toContain(`G${SENDERS + 1} is blocked too`);
  });
});
