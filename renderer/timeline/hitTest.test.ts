import { describe, expect, it } from "vitest";
import { eventIndex } from "../../traces/events";
import { StateCode } from "../../traces/model/index";
import { hitTest, selectionOfHit } from "./hitTest";
import { axisValue } from "./axisScale";
import { layoutTimeline } from "./layout";
import { arrowCurve } from "./tracks/flowTrack";
import { contextFor, handoffModel } from "../testing/timelineFixtures";

const model = handoffModel();
const rc = contextFor(model, { width: 1400 });
const layout = layoutTimeline(model, rc);
const laneMiddle = (g: number): number => {
  const lane = layout.lanes.find((l) => l.row.kind === "goroutine" && l.row.g === g);
  return (lane?.y ?? 0) + (lane?.height ?? 0) / 2;
};

describe("hit testing", () => {
  it("returns the span under the pointer", () => {
    const x = (rc.scale.x(axisValue(6)) + rc.scale.x(axisValue(9))) / 2;
    const hit = hitTest(layout, x, laneMiddle(2) + 5);
    expect(hit?.kind).toBe("span");
    if (hit?.kind !== "span") return;
    expect(hit.rect.g).toBe(2);
    expect(hit.rect.state).toBe(StateCode.blockedRecv);
    expect(selectionOfHit(hit)).toEqual({ kind: "span", g: 2, span: hit.rect.span });
  });

  it("a glyph wins over the span under it", () => {
    const hit = hitTest(layout, rc.scale.x(axisValue(8)) + 2, laneMiddle(1) + 1);
    expect(hit?.kind).toBe("glyph");
    expect(selectionOfHit(hit)).toEqual({ kind: "event", index: 8 });
  });

  it("an arrow is hit near its curve", () => {
    const a = layout.arrows[0];
    expect(a).toBeDefined();
    if (a === undefined) return;
    // The curve's point at t = 0.5.
    const c = arrowCurve(a);
    const x = (c[0] + 3 * c[2] + 3 * c[4] + c[6]) / 8;
    const y = (c[1] + 3 * c[3] + 3 * c[5] + c[7]) / 8;
    const hit = hitTest(layout, x + 1, y);
    expect(hit?.kind).toBe("arrow");
    expect(selectionOfHit(hit)).toEqual({ kind: "flow", flow: a.flow });
  });

  it("a label in the gutter selects its goroutine or channel", () => {
    expect(selectionOfHit(hitTest(layout, 40, laneMiddle(2)))).toEqual({ kind: "goroutine", g: 2 });
    const channelLane = layout.lanes.find((l) => l.row.kind === "channel");
    expect(selectionOfHit(hitTest(layout, 40, (channelLane?.y ?? 0) + 10))).toEqual({ kind: "channel", ch: 1 });
  });

  it("a channel lane's hit says which event the pointer is at, when asked", () => {
    const channelLane = layout.lanes.find((l) => l.row.kind === "channel");
    const hit = hitTest(layout, rc.scale.x(axisValue(7)), (channelLane?.y ?? 0) + 18, (v) => eventIndex(Math.round(v)));
    expect(hit?.kind === "channel-lane" ? hit.index : undefined).toBe(7);
  });

  it("a handoff tick on a channel lane selects its operation", () => {
    const channelLane = layout.lanes.find((l) => l.row.kind === "channel");
    const hit = hitTest(layout, rc.scale.x(axisValue(12)) + 1, (channelLane?.y ?? 0) + 18);
    expect(selectionOfHit(hit)).toEqual({ kind: "event", index: 12 });
  });

  it("the axis and the overview are told apart from the lanes and select nothing", () => {
    const { axis, overview } = rc.geometry;
    expect(hitTest(layout, axis.x + 50, axis.y + 5)?.kind).toBe("axis");
    expect(hitTest(layout, overview.x + 50, overview.y + 5)?.kind).toBe("overview");
    expect(selectionOfHit(hitTest(layout, axis.x + 50, axis.y + 5))).toBeUndefined();
  });

  it("empty space hits nothing", () => {
    const last = layout.lanes[layout.lanes.length - 1];
    expect(hitTest(layout, 600, (last?.y ?? 0) + (last?.height ?? 0) + 40)).toBeUndefined();
    // Before the worker was spawned its lane is empty.
    expect(hitTest(layout, rc.scale.x(axisValue(1)), laneMiddle(2))).toBeUndefined();
  });
});
