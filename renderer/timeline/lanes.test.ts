import { describe, expect, it } from "vitest";
import { channelId, goroutineId } from "../../traces/events";
import { COMFORTABLE_LANES, TIGHTEST_LANES } from "./geometry";
import { fitLaneMetrics, laneRows, lanesHeight } from "./lanes";
import { handoffModel } from "../testing/timelineFixtures";

describe("lane rows", () => {
  const model = handoffModel();

  it("goroutines come first by id, then channels, each section under a header", () => {
    const rows = laneRows(model).rows;
    expect(rows.map((r) => (r.kind === "goroutine" ? `G${r.g}` : r.kind === "channel" ? `ch${r.ch}` : r.label))).toEqual([
      "2 goroutines",
      "G1",
      "G2",
      "1 channel",
      "ch1",
    ]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.top).toBe((rows[i - 1]?.top ?? 0) + (rows[i - 1]?.height ?? 0));
  });

  it("filters leave out the lanes not asked for", () => {
    const lanes = laneRows(model, new Set([goroutineId(2)]), new Set());
    expect(lanes.rowOfGoroutine(goroutineId(1))).toBe(-1);
    expect(lanes.rowOfGoroutine(goroutineId(2))).toBe(1);
    expect(lanes.rowOfChannel(channelId(1))).toBe(-1);
    expect(lanes.rows).toHaveLength(2);
  });

  it("finds the rows between two heights by search", () => {
    const lanes = laneRows(model);
    const g2 = lanes.rows[lanes.rowOfGoroutine(goroutineId(2))]!;
    expect(lanes.rowsBetween(g2.top + 1, g2.top + 2)).toEqual([2, 3]);
    expect(lanes.rowsBetween(0, lanes.contentHeight)).toEqual([0, lanes.rows.length]);
    expect(lanes.rowsBetween(lanes.contentHeight + 10, lanes.contentHeight + 20)).toEqual([lanes.rows.length, lanes.rows.length]);
  });
});

describe("fitting the lanes to the plot", () => {
  it("keeps the comfortable sizes when every lane fits in them", () => {
    const counts = { goroutines: 3, channels: 2 };
    expect(lanesHeight(counts, COMFORTABLE_LANES)).toBe(22 + 3 * 24 + 22 + 2 * 36);
    expect(fitLaneMetrics(counts, 400)).toEqual(COMFORTABLE_LANES);
  });

  it("shrinks the lanes just enough for all of them to fit", () => {
    const counts = { goroutines: 4, channels: 17 };
    const metrics = fitLaneMetrics(counts, 480);
    expect(lanesHeight(counts, metrics)).toBeLessThanOrEqual(480);
    expect(metrics.goroutine).toBeLessThan(COMFORTABLE_LANES.goroutine);
    // One pixel more per goroutine lane would not fit.
    const bigger = fitLaneMetrics(counts, lanesHeight(counts, metrics) - 1);
    expect(bigger.goroutine).toBeLessThanOrEqual(metrics.goroutine);
  });

  it("fits fifty-five goroutines in under five hundred pixels", () => {
    const counts = { goroutines: 55, channels: 2 };
    expect(lanesHeight(counts, fitLaneMetrics(counts, 500))).toBeLessThanOrEqual(500);
  });

  it("never shrinks below the tightest sizes: then the lanes scroll", () => {
    const counts = { goroutines: 1000, channels: 10 };
    expect(fitLaneMetrics(counts, 500)).toEqual(TIGHTEST_LANES);
  });

  it("lays the rows out at the sizes it is given", () => {
    const lanes = laneRows(handoffModel(), undefined, undefined, { goroutine: 10, channel: 20, header: 12 });
    expect(lanes.rows.map((r) => r.height)).toEqual([12, 10, 10, 12, 20]);
    expect(lanes.contentHeight).toBe(64);
  });
});
