import { describe, expect, it } from "vitest";
import { eventIndex } from "../../traces/events";
import { buildModel } from "../../traces/model/index";
import { crowdedDeadlockTrace } from "../../traces/testing/fixtureTraces";
import { waitingSince } from "./waitingSince";

describe("since when a goroutine waits", () => {
  it("at the deadlock, each goroutine still says the event it blocked at, not the deadlock's", () => {
    const { header, events } = crowdedDeadlockTrace(3);
    const model = buildModel(events, header);
    const last = model.stateAt(eventIndex(model.length - 1));
    const blocks = events.filter((e) => e.kind === "block").map((e) => [e.g, e.seq]);
    expect(last.goroutines.map((g) => [g.id, g.state, waitingSince(g).index])).toEqual(blocks.map(([g, seq]) => [g, "deadlocked", seq]));
    // What "since" said before: the deadlock event, for everyone.
    const deadlockAt = events.findIndex((e) => e.kind === "deadlock");
    expect(last.goroutines.every((g) => g.since.index === deadlockAt)).toBe(true);
  });
});
