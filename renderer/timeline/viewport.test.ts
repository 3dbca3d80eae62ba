import { describe, expect, it } from "vitest";
import { clampWindow, ensureVisible, fitWindow, followEnd, panWindow, windowAroundEvent, zoomWindow } from "./viewport";
import { handoffModel } from "../testing/timelineFixtures";
import { timeWindow } from "./axisScale";

const model = handoffModel();

describe("viewport helpers", () => {
  it("fitting the window shows every event", () => {
    expect(fitWindow(model, "sequence")).toEqual({ start: 0, end: model.length });
    const time = fitWindow(model, "time");
    expect(time.start).toBe(model.startTime);
    expect(time.end).toBeGreaterThan(model.endTime);
  });

  it("an empty trace still gets a window with some width", () => {
    const empty = { ...model, length: 0, startTime: 0, endTime: 0 } as unknown as typeof model;
    const w = fitWindow(empty, "time");
    expect(w.end).toBeGreaterThan(w.start);
    expect(fitWindow(empty, "sequence")).toEqual({ start: 0, end: 1 });
  });

  it("zooming keeps the anchor where it was on screen", () => {
    const w = timeWindow(100, 200);
    const z = zoomWindow(w, 2, 150);
    expect(z).toEqual({ start: 125, end: 175 });
    const anchor = 120;
    const z2 = zoomWindow(w, 4, anchor);
    expect((anchor - z2.start) / (z2.end - z2.start)).toBeCloseTo((anchor - w.start) / (w.end - w.start));
    expect(zoomWindow(w, 0.5, 150)).toEqual({ start: 50, end: 250 });
    expect(zoomWindow(w, 0, 150)).toBe(w);
  });

  it("panning moves both edges by the same amount", () => {
    expect(panWindow(timeWindow(10, 20), 5)).toEqual({ start: 15, end: 25 });
    expect(panWindow(timeWindow(10, 20), -15)).toEqual({ start: -5, end: 5 });
  });

  it("clamping keeps the window inside the trace without squeezing it", () => {
    const bounds = timeWindow(0, 100);
    expect(clampWindow(timeWindow(90, 120), bounds)).toEqual({ start: 70, end: 100 });
    expect(clampWindow(timeWindow(-10, 10), bounds)).toEqual({ start: 0, end: 20 });
    expect(clampWindow(timeWindow(-50, 500), bounds)).toEqual(bounds);
    expect(clampWindow(timeWindow(50, 50.5), bounds, 4)).toEqual({ start: 50, end: 54 });
  });

  it("ensureVisible pans just enough to show a value with a margin", () => {
    const w = timeWindow(100, 200);
    expect(ensureVisible(w, 150)).toBe(w);
    expect(ensureVisible(w, 250)).toEqual({ start: 160, end: 260 });
    expect(ensureVisible(w, 50)).toEqual({ start: 40, end: 140 });
  });

  it("a window can be centred on an event", () => {
    expect(windowAroundEvent(model, "sequence", 8, timeWindow(0, 4))).toEqual({ start: 6, end: 10 });
    expect(windowAroundEvent(model, "sequence", 8, timeWindow(0, 4), 10)).toEqual({ start: 3, end: 13 });
  });

  it("following a live run keeps the width and shows the end", () => {
    expect(followEnd(model, "sequence", timeWindow(0, 5))).toEqual({ start: model.length - 5, end: model.length });
    expect(followEnd(model, "sequence", timeWindow(0, 1000))).toEqual({ start: 0, end: model.length });
  });
});
