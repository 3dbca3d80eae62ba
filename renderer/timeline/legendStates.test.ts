import { describe, expect, it } from "vitest";
import { StateCode, TraceModelBuilder } from "../../traces/model/index";
import { trace } from "../../traces/testing/traceBuilder";
import { hasClosedChannel, StatesSeen, statesInModel } from "./legendStates";
import { bufferModel, handoffModel } from "../testing/timelineFixtures";

describe("the legend's states", () => {
  it("lists the states the trace has, and always running and runnable", () => {
    const states = statesInModel(handoffModel());
    expect([...states].sort((a, b) => a - b)).toEqual(
      [StateCode.runnable, StateCode.running, StateCode.blockedRecv, StateCode.exited].sort((a, b) => a - b),
    );
  });

  it("follows a live run batch by batch", () => {
    const events = trace().main().make(1, 1, 0, "c").block(1, "chan receive", { ch: 1 }).deadlock().end("deadlock").events;
    const builder = new TraceModelBuilder();
    const seen = new StatesSeen();
    builder.addAll(events.slice(0, 3));
    expect(seen.update(builder.snapshot()).has(StateCode.blockedRecv)).toBe(false);
    builder.addAll(events.slice(3));
    const later = seen.update(builder.finish());
    expect(later.has(StateCode.blockedRecv)).toBe(true);
    expect(later.has(StateCode.deadlocked)).toBe(true);
  });

  it("starts over for another run", () => {
    const seen = new StatesSeen();
    seen.update(handoffModel());
    const other = trace().main().exit(1).end("ok").model();
    expect(seen.update(other).has(StateCode.blockedRecv)).toBe(false);
  });

  it("explains a closed channel only for a run that closes one", () => {
    expect(hasClosedChannel(bufferModel())).toBe(true);
    expect(hasClosedChannel(handoffModel())).toBe(false);
  });
});
