import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../../../traces/events";
import { StateCode } from "../../../traces/model/index";
import { formatTime } from "../../../traces/vocabulary/index";
import { gutterMarks } from "../chrome/gutter";
import { overviewSummary } from "../chrome/overview";
import type { Selection } from "../contract";
import { layoutTimeline } from "../layout";
import { focusedArrows, interactiveLayout } from "./interactiveLayout";
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
    const focused = focusedArrows(
      l,
      { kind: "channel-label", ch: channelId(1), laneY: lane?.y ?? 0, laneHeight: lane?.height ?? 0 },
      undefined,
    );
    expect(focused).toHaveLength(1);
  });
});

describe("the interactive layout", () => {
  const model = handoffModel();
  const rc = contextFor(model, { width: 1400 });
  const layout = layoutTimeline(model, rc);
  const at = (playhead: number, selection?: Selection) =>
    interactiveLayout(model, layout, { playhead: eventIndex(playhead), selection, hover: undefined }, undefined);

  it("the playhead sits on its event and its handle names the event and its time", () => {
    const scene = at(5);
    expect(scene.playhead.x).toBe(rc.scale.xOfEvent(model, 5));
    expect(scene.playhead.label).toBe(`#5 · ${formatTime(model.time(eventIndex(5)))}`);
    expect(scene.playhead.overviewX).toBeUndefined();
  });

  it("before the first event the playhead is at the plot's left edge and says start", () => {
    const scene = at(-1);
    expect(scene.playhead.x).toBe(rc.geometry.plot.x);
    expect(scene.playhead.label).toBe("start");
  });

  it("with the overview drawn, the playhead has a mark there too", () => {
    const summary = overviewSummary(model, "sequence", Math.round(rc.geometry.overview.width));
    const scene = interactiveLayout(model, layout, { playhead: eventIndex(5), selection: undefined, hover: undefined }, summary);
    const { overview } = rc.geometry;
    expect(scene.playhead.overviewX).toBeCloseTo(overview.x + (5 / summary.domain.end) * overview.width);
  });

  it("the gutter shows each goroutine's state at the playhead", () => {
    // Event 7: the worker is parked receiving, main is running.
    const marks = at(7).gutter;
    expect(marks.map((m) => (m.kind === "goroutine" ? m.code : undefined))).toEqual([StateCode.running, StateCode.blockedRecv]);
  });

  it("a selected goroutine brings out the link from its parent's spawn and its arrows", () => {
    const scene = at(5, { kind: "goroutine", g: goroutineId(2) });
    expect(scene.spawnLinks).toHaveLength(1);
    expect(scene.spawnLinks[0]?.x).toBe(rc.scale.xOfEvent(model, 3));
    expect(scene.focusedArrows).toHaveLength(1);
    expect(scene.focusedGlyphs.map((g) => g.index).sort()).toEqual([scene.focusedArrows[0]?.send, scene.focusedArrows[0]?.recv].sort());
    expect(scene.selection?.kind).toBe("lane");
  });
});

describe("the gutter at the playhead", () => {
  it("a buffered channel says its length out of its capacity, full once it is full, and closed once closed", () => {
    const model = bufferModel();
    const layout = layoutTimeline(model, contextFor(model));
    const channel = (playhead: number) => gutterMarks(layout, eventIndex(playhead)).find((m) => m.kind === "channel");
    expect(channel(1)).toBeUndefined();
    expect(channel(4)).toMatchObject({ text: "2/3", full: false, closed: false });
    expect(channel(5)).toMatchObject({ text: "3/3", full: true, closed: false });
    expect(channel(8)).toMatchObject({ text: "1/3", full: false, closed: true });
  });
});
