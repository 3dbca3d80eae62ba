import { describe, expect, it } from "vitest";
import { eventIndex } from "../../traces/events";
import { axisScale, axisValue, axisValueOfEvent, eventAtAxisValue, timeWindow } from "./axisScale";
import { handoffModel } from "../testing/timelineFixtures";

const model = handoffModel();

describe("axis values and events", () => {
  it("in sequence mode event i sits at x = i and a point means its nearest event", () => {
    expect(axisValueOfEvent(model, "sequence", 7)).toBe(7);
    expect(eventAtAxisValue(model, "sequence", 7.4)).toBe(7);
    expect(eventAtAxisValue(model, "sequence", 7.6)).toBe(8);
    expect(eventAtAxisValue(model, "sequence", -3)).toBe(0);
    expect(eventAtAxisValue(model, "sequence", 1e9)).toBe(model.length - 1);
  });

  it("in time mode a point means the last event at or before that instant", () => {
    expect(axisValueOfEvent(model, "time", 7)).toBe(model.time(eventIndex(7)));
    expect(eventAtAxisValue(model, "time", model.time(eventIndex(7)) + 1)).toBe(7);
    expect(eventAtAxisValue(model, "time", model.time(eventIndex(7)))).toBe(7);
    expect(eventAtAxisValue(model, "time", -1)).toBe(-1);
  });

  it("the end of a sequence axis is one past the last event", () => {
    expect(axisValueOfEvent(model, "sequence", model.length)).toBe(model.length);
  });

  it("in time mode an index past either end means the first or the last event's instant", () => {
    expect(axisValueOfEvent(model, "time", -5)).toBe(model.time(eventIndex(0)));
    expect(axisValueOfEvent(model, "time", model.length + 5)).toBe(model.time(eventIndex(model.length - 1)));
  });
});

describe("the axis scale", () => {
  it("puts the window's ends at the strip's edges", () => {
    const s = axisScale("sequence", timeWindow(10, 30), 200, 400);
    expect(s.x(axisValue(10))).toBe(200);
    expect(s.x(axisValue(30))).toBe(600);
    expect(s.pxPerUnit).toBe(20);
  });

  it("takes a screen x back to the value there, in both axis modes", () => {
    for (const axis of ["sequence", "time"] as const) {
      const s = axisScale(axis, timeWindow(1_000, 51_000), 184, 1_244);
      for (const v of [1_000, 1_234.5, 26_000, 50_999]) expect(s.valueAt(s.x(axisValue(v)))).toBeCloseTo(v, 6);
      for (const x of [184, 500.25, 1_428]) expect(s.x(s.valueAt(x))).toBeCloseTo(x, 6);
    }
  });

  it("an empty window is one unit wide, so nothing divides by zero", () => {
    const s = axisScale("time", timeWindow(5, 5), 0, 100);
    expect(s.end).toBe(6);
    expect(s.pxPerUnit).toBe(100);
  });

  it("places an event where its axis value is: its index in sequence mode, its time in time mode", () => {
    const seq = axisScale("sequence", timeWindow(0, model.length), 0, 1_000);
    expect(seq.xOfEvent(model, 7)).toBe(seq.x(axisValue(7)));
    const t0 = model.time(eventIndex(0));
    const t1 = model.time(eventIndex(model.length - 1));
    const time = axisScale("time", timeWindow(t0, t1), 0, 1_000);
    expect(time.xOfEvent(model, 7)).toBe(time.x(axisValue(model.time(eventIndex(7)))));
  });

  it("ticks fall on round values inside the window", () => {
    const s = axisScale("sequence", timeWindow(0, 1_000), 0, 1_000);
    const ticks = s.ticks(5);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    for (const t of ticks) {
      expect(t % 100).toBe(0);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThanOrEqual(1_000);
    }
  });
});
