import { describe, expect, it } from "vitest";
import { channelId, goroutineId } from "../../../traces/events";
import { layoutTimeline } from "../layout";
import { focusedArrows } from "./interactiveLayout";
import { bufferModel, contextFor, handoffModel } from "../../testing/timelineFixtures";

describe("which arrows are brought forward", () => {
  const model = bufferModel();
  const layout = layoutTimeline(model, contextFor(model, { width: 1400 }));

  it("nothing hovered or selected brings out no arrow", () => {
    expect(layout.arrows.length).toBe(3);
    expect(focusedArrows(layout, undefined, undefined)).toEqual([]);
  });

  it("a selected goroutine brings out the arrows it sent or received", () => {
    expect(focusedArrows(layout, undefined, { kind: "goroutine", g: goroutineId(1) })).toHaveLength(3);
    expect(focusedArrows(layout, undefined, { kind: "goroutine", g: goroutineId(2) })).toEqual([]);
  });

  it("a hovered send brings out its own arrow only", () => {
    const glyph = layout.glyphs.find((g) => g.index === 4);
    expect(glyph?.kind).toBe("send");
    const focused = focusedArrows(layout, glyph === undefined ? undefined : { kind: "glyph", glyph }, undefined);
    expect(focused.map((a) => [a.send, a.recv])).toEqual([[4, 7]]);
  });

  it("a hovered channel brings out the arrows of its values", () => {
    const handoff = handoffModel();
    const l = layoutTimeline(handoff, contextFor(handoff, { width: 1400 }));
    const lane = l.lanes.find((x) => x.row.kind === "channel");
    const focused = focusedArrows(l, { kind: "channel-label", ch: channelId(1), laneY: lane?.y ?? 0, laneHeight: lane?.height ?? 0 }, undefined);
    expect(focused).toHaveLength(1);
  });
});
