import { describe, expect, it } from "vitest";
import { channelId } from "../../../traces/events";
import { channelColor, STATE_COLORS, withAlpha } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { bufferModel, contextFor, handoffModel } from "../../testing/timelineFixtures";
import { layoutTimeline } from "../layout";
import type { ChannelLaneLayout } from "../layoutTypes";
import { paintChannelLane, waitBandHeight } from "./channelTrackPaint";

const laneOf = (lanes: readonly ChannelLaneLayout[]): ChannelLaneLayout => {
  const lane = lanes[0];
  if (lane === undefined) throw new Error("a channel lane");
  return lane;
};

describe("painting a channel lane", () => {
  it("a buffer at its capacity is filled strongly in the channel's colour", () => {
    const model = bufferModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = laneOf(layoutTimeline(model, rc).channelLanes);
    const canvas = new RecordingCanvas();
    paintChannelLane(canvas.ctx, rc, lane);
    const color = channelColor(channelId(1), "light");
    const full = canvas.ops("fillRect").filter((c) => c.fillStyle === withAlpha(color, 0.6));
    // Events 5 and 6: the buffer holds 3 of 3 between them.
    expect(full).toHaveLength(lane.values.filter((v) => v >= 3).length);
    expect(full.length).toBeGreaterThan(0);
    expect(canvas.ops("stroke").some((c) => c.lineDash.join() === "3,3" && c.strokeStyle === withAlpha(color, 0.5))).toBe(true);
  });

  it("an unbuffered channel is a line with a tick per handoff in its colour", () => {
    const model = handoffModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = laneOf(layoutTimeline(model, rc).channelLanes);
    const canvas = new RecordingCanvas();
    paintChannelLane(canvas.ctx, rc, lane);
    const ticks = canvas.ops("stroke").find((c) => c.strokeStyle === channelColor(channelId(1), "light") && c.lineWidth === 1.5);
    expect(ticks).toBeDefined();
    expect(lane.ticks.length).toBeGreaterThan(0);
  });

  it("goroutines waiting to receive are a band along the bottom in the blocked-receive colour", () => {
    const model = handoffModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = laneOf(layoutTimeline(model, rc).channelLanes);
    expect(lane.receivers).toHaveLength(1);
    const canvas = new RecordingCanvas();
    paintChannelLane(canvas.ctx, rc, lane);
    const band = canvas.ops("fillRect").find((c) => c.fillStyle === STATE_COLORS.light["blocked-recv"]);
    const b = lane.receivers[0];
    expect(band?.args).toEqual([b?.x, lane.y + lane.height - 2 - waitBandHeight(1), b?.width, waitBandHeight(1)]);
  });

  it("a wait band grows thicker with more waiters, up to three", () => {
    expect([1, 2, 3, 4, 10].map(waitBandHeight)).toEqual([3, 5, 7, 7, 7]);
  });
});
