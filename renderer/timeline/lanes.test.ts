import { describe, expect, it } from "vitest";
import { channelId, goroutineId } from "../../traces/events";
import { laneRows } from "./lanes";
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
