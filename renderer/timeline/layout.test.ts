import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../../traces/events";
import { StateCode, TraceModelBuilder } from "../../traces/model/index";
import { syntheticEvents } from "../../traces/testing/syntheticTrace";
import { SPAN_INSET } from "./geometry";
import { axisValue, timeWindow } from "./axisScale";
import { timeTickFormat } from "./chrome/axis";
import { layoutTimeline } from "./layout";
import { squeezedLanes } from "./lanes";
import { arrowCurve } from "./tracks/flowTrack";
import type { SpanRect, TextLabel } from "./layoutTypes";
import { trace } from "../../traces/testing/traceBuilder";
import { busyModel, bufferModel, contextFor, handoffModel } from "../testing/timelineFixtures";

const lanesOf = (rects: readonly SpanRect[], g: number): readonly SpanRect[] => rects.filter((r) => r.g === g);

function syntheticModel(events: number) {
  const b = new TraceModelBuilder();
  for (const e of syntheticEvents({ seed: 3, events, goroutines: 40, channels: 12, maxCap: 4, sync: true, contexts: true, ending: "ok" }))
    b.add(e);
  return b.finish();
}

const overlaps = (a: TextLabel, b: TextLabel): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("goroutine lanes", () => {
  it("a blocked span is laid out from its block event to its unblock", () => {
    const model = handoffModel();
    const rc = contextFor(model);
    const layout = layoutTimeline(model, rc);
    const blocked = lanesOf(layout.rects, 2).find((r) => r.state === StateCode.blockedRecv);
    expect(blocked).toBeDefined();
    expect(blocked?.x).toBeCloseTo(rc.scale.x(axisValue(6)));
    expect((blocked?.x ?? 0) + (blocked?.width ?? 0)).toBeCloseTo(rc.scale.x(axisValue(9)));
    expect(blocked?.channels).toEqual([1]);
  });

  it("spans tile a goroutine's lane from its spawn to the end of the trace", () => {
    const model = handoffModel();
    const rc = contextFor(model);
    const worker = lanesOf(layoutTimeline(model, rc).rects, 2);
    expect(worker[0]?.x).toBeCloseTo(rc.scale.x(axisValue(3)));
    for (let i = 1; i < worker.length; i++) expect(worker[i]?.x).toBeCloseTo((worker[i - 1]?.x ?? 0) + (worker[i - 1]?.width ?? 0));
    const last = worker[worker.length - 1];
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(rc.scale.x(axisValue(model.length)));
    expect(last?.state).toBe(StateCode.exited);
  });

  it("bars sit inside their lane, never touching the next one", () => {
    const model = handoffModel();
    const layout = layoutTimeline(model, contextFor(model));
    for (const r of layout.rects) {
      const lane = layout.lanes.find((l) => l.row.kind === "goroutine" && l.row.g === r.g);
      expect(r.y).toBe((lane?.y ?? 0) + SPAN_INSET);
      expect(r.y + r.height).toBe((lane?.y ?? 0) + (lane?.height ?? 0) - SPAN_INSET);
    }
  });

  it("spans narrower than a pixel merge into summary bars", () => {
    const model = busyModel(2000);
    const rc = contextFor(model, { width: 184 + 12 + 200 });
    const busy = lanesOf(layoutTimeline(model, rc).rects, 2);
    const spans = model.goroutine(goroutineId(2))?.spans.length ?? 0;
    expect(spans).toBeGreaterThan(4000);
    expect(busy.length).toBeLessThanOrEqual(rc.geometry.plot.width + 2);
    expect(busy.some((r) => r.merged && r.count > 1)).toBe(true);
    // Every span is accounted for exactly once.
    expect(busy.reduce((n, r) => n + r.count, 0)).toBe(spans);
  });

  it("a merged bar takes the colour of the state that filled most of it", () => {
    const model = busyModel(2000);
    const rc = contextFor(model, { width: 184 + 12 + 200 });
    const merged = lanesOf(layoutTimeline(model, rc).rects, 2).filter((r) => r.merged);
    // busy runs for one event out of every four and waits runnable for three.
    const runnable = merged.filter((r) => r.state === StateCode.runnable).length;
    expect(runnable).toBeGreaterThan(merged.length / 2);
  });

  it("panning by whole pixels moves the merged bars without regrouping them", () => {
    const model = syntheticModel(60_000);
    const width = 184 + 12 + 300;
    const base = contextFor(model, { width, window: timeWindow(20_000, 35_000) });
    const perPx = 1 / base.scale.pxPerUnit;
    const shifted = contextFor(model, { width, window: timeWindow(20_000 + 37 * perPx, 35_000 + 37 * perPx) });
    const a = lanesOf(layoutTimeline(model, base).rects, 1);
    const b = lanesOf(layoutTimeline(model, shifted).rects, 1);
    expect(a.some((r) => r.merged)).toBe(true);
    // Bars well inside both windows: same spans, same states, moved 37px left.
    const inner = (r: SpanRect): boolean => r.x > base.geometry.plot.x + 60 && r.x < base.geometry.plot.x + 200;
    const key = (r: SpanRect, dx: number) => `${r.firstSpan}-${r.lastSpan}-${r.state}-${(r.x + dx).toFixed(3)}`;
    const fromA = a.filter(inner).map((r) => key(r, 0));
    const fromB = new Set(b.map((r) => key(r, 37)));
    expect(fromA.length).toBeGreaterThan(10);
    for (const k of fromA) expect(fromB.has(k)).toBe(true);
  });

  it("a wide blocked span names its channel in a badge tinted with the channel", () => {
    const model = handoffModel();
    const layout = layoutTimeline(model, contextFor(model, { width: 1400 }));
    const badge = layout.badges.find((b) => b.g === 2);
    expect(badge?.text).toBe("recv jobs");
    expect(badge?.ch).toBe(1);
  });

  it("a blocked span too narrow for a badge keeps its channel stripe and no badge", () => {
    const model = handoffModel();
    const rc = contextFor(model, { width: 184 + 12 + 120 });
    const layout = layoutTimeline(model, rc);
    const blocked = lanesOf(layout.rects, 2).find((r) => r.state === StateCode.blockedRecv);
    expect(blocked?.width).toBeLessThan(30);
    expect(blocked?.channels).toEqual([1]);
    expect(layout.badges.filter((b) => b.g === 2)).toEqual([]);
  });

  it("only the lanes in view are laid out", () => {
    const model = syntheticModel(20_000);
    const rc = contextFor(model, { height: 300, scrollTop: 2000 });
    const layout = layoutTimeline(model, rc);
    expect(layout.lanes.length).toBeLessThan(20);
    for (const lane of layout.lanes) {
      expect(lane.y + lane.height).toBeGreaterThan(rc.geometry.plot.y);
      expect(lane.y).toBeLessThan(rc.geometry.plot.y + rc.geometry.plot.height);
    }
    const shown = new Set(layout.lanes.flatMap((l) => (l.row.kind === "goroutine" ? [l.row.g] : [])));
    for (const r of layout.rects) expect(shown.has(r.g)).toBe(true);
  });

  it("in time mode spans are placed by virtual time", () => {
    const model = handoffModel();
    const rc = contextFor(model, { axis: "time" });
    const blocked = lanesOf(layoutTimeline(model, rc).rects, 2).find((r) => r.state === StateCode.blockedRecv);
    expect(blocked?.x).toBeCloseTo(rc.scale.x(axisValue(model.time(eventIndex(6)))));
    expect((blocked?.x ?? 0) + (blocked?.width ?? 0)).toBeCloseTo(rc.scale.x(axisValue(model.time(eventIndex(9)))));
  });
});

describe("edge cases", () => {
  it("an empty trace (a live run that has not started) lays out nothing and does not fail", () => {
    const model = new TraceModelBuilder().snapshot();
    const layout = layoutTimeline(model, contextFor(model));
    expect(layout.rects).toEqual([]);
    expect(layout.lanes).toEqual([]);
    expect(layout.eventsInWindow).toBe(0);
  });

  it("a window beyond the end of the trace lays out no spans past it", () => {
    const model = handoffModel();
    const rc = contextFor(model, { window: timeWindow(10, 40) });
    const layout = layoutTimeline(model, rc);
    for (const r of layout.rects) expect(r.x + r.width).toBeLessThanOrEqual(rc.scale.x(axisValue(model.length)) + 1e-9);
  });
});

describe("flows and glyphs", () => {
  it("an arrow goes from the send's lane to the receive's lane", () => {
    const model = handoffModel();
    const rc = contextFor(model);
    const layout = layoutTimeline(model, rc);
    expect(layout.arrows).toHaveLength(1);
    const a = layout.arrows[0];
    const middle = (g: number): number => {
      const lane = layout.lanes.find((l) => l.row.kind === "goroutine" && l.row.g === g);
      return (lane?.y ?? 0) + (lane?.height ?? 0) / 2;
    };
    expect(a?.x0).toBeCloseTo(rc.scale.x(axisValue(8)));
    expect(a?.y0).toBe(middle(1));
    expect(a?.x1).toBeCloseTo(rc.scale.x(axisValue(12)));
    expect(a?.y1).toBe(middle(2));
    expect(a?.ch).toBe(1);
    expect(a?.direct).toBe(true);
  });

  it("an arrow between two lanes arrives level at the receive and one within a lane arcs above it", () => {
    const base = { flow: 0, ch: channelId(1), sender: goroutineId(1), receiver: goroutineId(2), send: eventIndex(3), recv: eventIndex(4) };
    const across = arrowCurve({ ...base, x0: 0, y0: 0, x1: 100, y1: 50, direct: true, pending: false });
    expect(across[5]).toBe(50);
    const within = arrowCurve({ ...base, x0: 0, y0: 20, x1: 100, y1: 20, direct: false, pending: false });
    expect(within[3]).toBeLessThan(20);
    expect(within[5]).toBeLessThan(20);
  });

  it("sends, receives, closes and spawns get glyphs in the lane of the goroutine that did them", () => {
    const model = bufferModel();
    const kinds = layoutTimeline(model, contextFor(model, { width: 1400 })).glyphs.map((g) => `${g.kind}@${g.index}`);
    expect(kinds).toEqual(["send@3", "send@4", "send@5", "recv@6", "recv@7", "close@8"]);
    const handoff = layoutTimeline(handoffModel(), contextFor(handoffModel(), { width: 1400 })).glyphs;
    expect(handoff.find((g) => g.kind === "spawn")?.g).toBe(1);
  });

  it("glyphs closer than a few pixels in one lane are thinned", () => {
    const model = bufferModel();
    const layout = layoutTimeline(model, contextFor(model, { width: 184 + 12 + 40 }));
    const xs = layout.glyphs.map((g) => g.x);
    for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(5);
    expect(layout.glyphs.length).toBeLessThan(6);
  });

  it("zoomed far out, per-event glyphs and arrows are left out", () => {
    const model = syntheticModel(60_000);
    const layout = layoutTimeline(model, contextFor(model));
    expect(layout.eventDetail).toBe(false);
    expect(layout.arrows).toEqual([]);
    expect(layout.glyphs.every((g) => g.kind === "panic")).toBe(true);
  });
});

describe("channel lanes", () => {
  it("channel lane steps follow the buffer's occupancy", () => {
    const model = bufferModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = layoutTimeline(model, rc).channelLanes.find((c) => c.ch === 1);
    expect(lane?.cap).toBe(3);
    expect(lane?.values).toEqual([0, 1, 2, 3, 2, 1, 1]);
    expect(lane?.xs.slice(1)).toEqual([3, 4, 5, 6, 7, 8].map((i) => rc.scale.x(axisValue(i))));
    expect(lane?.peak).toBe(3);
    expect(lane?.closedX).toBeCloseTo(rc.scale.x(axisValue(8)));
  });

  it("a channel lane starts where the channel was made", () => {
    const model = bufferModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = layoutTimeline(model, rc).channelLanes.find((c) => c.ch === 1);
    expect(lane?.madeX).toBeCloseTo(rc.scale.x(axisValue(2)));
    expect(lane?.xs[0]).toBeCloseTo(rc.scale.x(axisValue(2)));
  });

  it("an unbuffered channel shows a tick for each handoff", () => {
    const model = handoffModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = layoutTimeline(model, rc).channelLanes.find((c) => c.ch === 1);
    expect(lane?.cap).toBe(0);
    expect(lane?.ticks.map((t) => [t.kind, t.index])).toEqual([
      ["send", 8],
      ["recv", 12],
    ]);
  });

  it("a channel lane marks where a goroutine waited to receive from it", () => {
    const model = handoffModel();
    const rc = contextFor(model, { width: 1400 });
    const lane = layoutTimeline(model, rc).channelLanes.find((c) => c.ch === 1);
    expect(lane?.senders).toEqual([]);
    expect(lane?.receivers).toHaveLength(1);
    expect(lane?.receivers[0]?.x).toBeCloseTo(rc.scale.x(axisValue(6)));
    expect((lane?.receivers[0]?.x ?? 0) + (lane?.receivers[0]?.width ?? 0)).toBeCloseTo(rc.scale.x(axisValue(9)));
    expect(lane?.receivers[0]?.count).toBe(1);
  });

  it("operations crowded into one pixel show the most the buffer held there", () => {
    // Fill to 2 and drain, 100 times, in a plot 100 pixels wide: 8 events a pixel.
    const f = trace().main().make(1, 1, 2, "pairs");
    for (let i = 0; i < 100; i++) {
      const s = f.last + 1;
      f.send(1, 1, "x", 1)
        .send(1, 1, "y", 2)
        .recv(1, 1, "x", { from: s, len: 1 })
        .recv(1, 1, "y", { from: s + 1, len: 0 });
    }
    const model = f.exit(1).end("ok").model();
    const rc = contextFor(model, { width: 184 + 12 + 100 });
    const lane = layoutTimeline(model, rc).channelLanes.find((c) => c.ch === 1);
    expect(Math.max(...(lane?.values ?? []))).toBe(2);
    expect(lane?.values.length).toBeLessThan(250);
    expect(lane?.values.filter((v) => v === 2).length).toBeGreaterThan(40);
  });
});

describe("labels and axis", () => {
  it("labels never overlap", () => {
    const model = syntheticModel(20_000);
    for (const axis of ["sequence", "time"] as const) {
      for (const w of [undefined, timeWindow(500, 700), timeWindow(0, 40)]) {
        const window = axis === "time" && w !== undefined ? timeWindow(model.time(eventIndex(w.start)), model.time(eventIndex(w.end))) : w;
        for (const width of [420, 1000, 1900]) {
          const layout = layoutTimeline(model, contextFor(model, { axis, width, ...(window === undefined ? {} : { window }) }));
          const labels = layout.labels;
          expect(labels.length).toBeGreaterThan(5);
          for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
              const a = labels[i] as TextLabel;
              const b = labels[j] as TextLabel;
              if (overlaps(a, b)) expect.fail(`"${a.text}" (${a.role}) overlaps "${b.text}" (${b.role}) at width ${width}, ${axis}`);
            }
          }
        }
      }
    }
  });

  it("labels never overlap in lanes squeezed to fit, nor leave a gutter of any width", () => {
    const model = syntheticModel(2_000);
    for (const g of [7, 8, 9, 12, 16, 20])
      for (const gutterWidth of [96, 184, 300]) {
        const layout = layoutTimeline(model, contextFor(model, { height: 2000, gutterWidth, lanes: squeezedLanes(g) }));
        const gutter = layout.labels.filter((l) => l.role.startsWith("gutter") || l.role === "header");
        expect(gutter.length, `${g}px lanes`).toBeGreaterThan(40);
        for (const l of gutter) expect(l.x + l.width).toBeLessThanOrEqual(gutterWidth);
        for (let i = 0; i < gutter.length; i++)
          for (let j = i + 1; j < gutter.length; j++) {
            const a = gutter[i] as TextLabel;
            const b = gutter[j] as TextLabel;
            if (overlaps(a, b)) expect.fail(`"${a.text}" overlaps "${b.text}" in ${g}px lanes, a ${gutterWidth}px gutter`);
          }
      }
  });

  it("names in lanes too thin for a line of text take turns between two columns", () => {
    const model = syntheticModel(2_000);
    const layout = layoutTimeline(model, contextFor(model, { height: 2000, lanes: squeezedLanes(7) }));
    const ids = layout.labels.filter((l) => l.role === "gutter" && /^G\d+/.test(l.text));
    expect(new Set(ids.map((l) => l.x)).size).toBe(2);
    expect(ids.every((l) => l.font === "labelSmall")).toBe(true);
  });

  it("gutter labels stay inside the gutter, shortened with an ellipsis when they must", () => {
    const model = trace2();
    const layout = layoutTimeline(model, contextFor(model));
    const gutter = layout.context.geometry.gutter;
    const names = layout.labels.filter((l) => l.role === "gutter");
    expect(names.some((l) => l.text.endsWith("…"))).toBe(true);
    for (const l of layout.labels.filter((x) => x.role.startsWith("gutter") || x.role === "header"))
      expect(l.x + l.width).toBeLessThanOrEqual(gutter.width);
  });

  it("the sequence axis labels event numbers and writes the virtual time where it moves on", () => {
    const model = handoffModel();
    const layout = layoutTimeline(model, contextFor(model, { width: 1400 }));
    expect(layout.labels.filter((l) => l.role === "axis").map((l) => l.text)).toContain("10");
    const times = layout.labels.filter((l) => l.role === "axis-time").map((l) => l.text);
    expect(times[0]).toBe("0ns");
    expect(new Set(times).size).toBe(times.length);
  });

  it("time ticks share one unit and as few decimals as tell them apart", () => {
    expect([0, 500_000, 1_000_000, 1_500_000].map(timeTickFormat(500_000, 1_500_000))).toEqual(["0.0ms", "0.5ms", "1.0ms", "1.5ms"]);
    expect([0, 2e9, 4e9].map(timeTickFormat(2e9, 4e9))).toEqual(["0s", "2s", "4s"]);
    expect([0, 20, 40].map(timeTickFormat(20, 40))).toEqual(["0ns", "20ns", "40ns"]);
    expect([2.0001e9, 2.0002e9].map(timeTickFormat(1e5, 2.0002e9))).toEqual(["2.0001s", "2.0002s"]);
  });
});

/** A goroutine with a name too long for the gutter. */
function trace2() {
  const b = new TraceModelBuilder();
  b.add({ seq: 0, t: 0 as never, g: goroutineId(0), kind: "spawn", child: goroutineId(1), name: "main" });
  b.add({ seq: 1, t: 0 as never, g: goroutineId(1), kind: "run" });
  b.add({
    seq: 2,
    t: 0 as never,
    g: goroutineId(1),
    kind: "spawn",
    child: goroutineId(2),
    name: "a goroutine with a very long descriptive name indeed",
  });
  b.add({ seq: 3, t: 0 as never, g: goroutineId(0), kind: "end", status: "ok" });
  return b.finish();
}
