import { describe, expect, it } from "vitest";
import { eventIndex } from "../../traces/events";
import { parseTrace } from "../../traces/format";
import { buildModel, type TraceModel } from "../../traces/model/index";
import { trace } from "../../traces/testing/traceBuilder";
import { boxAround, boxesOverlap, overlappingLabels } from "./labelBoxes";
import { labelBoxesOf, layoutWaitForGraph, type GraphLayout } from "./waitForGraphLayout";

// The sample runs as the app records them (seed 1, fifo): the golden traces.
const EXAMPLES = import.meta.glob<string>("../../traces/examples/*.trace.jsonl", { query: "?raw", import: "default", eager: true });
const exampleModel = (file: string): TraceModel => {
  const parsed = parseTrace(EXAMPLES[file] as string);
  return buildModel(parsed.events, parsed.header);
};
const FAN_OUT = "../../traces/examples/fan-out-fan-in.trace.jsonl";

/** The graph panel at 1280×720 and at 1920×1080. */
const NARROW = { width: 378, height: 190 };
const WIDE = { width: 570, height: 320 };

const layoutAt = (model: TraceModel, at: number, size: { width: number; height: number }): GraphLayout => {
  const state = model.stateAt(eventIndex(at));
  return layoutWaitForGraph(state.waitFor, model, (g) => state.goroutine(g)?.state, size);
};

const overlaps = (layout: GraphLayout): readonly string[] => overlappingLabels(labelBoxesOf(layout)).map(([a, b]) => `${a} / ${b}`);

/** The distance from a point to a segment. */
function distanceToSegment(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

describe("the wait-for graph's labels", () => {
  const fanOut = exampleModel(FAN_OUT);

  it.each([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])("do not overlap in fan-out-fan-in %s of the way through the run", (fraction) => {
    const at = Math.round(fraction * (fanOut.length - 1));
    for (const size of [NARROW, WIDE]) {
      const layout = layoutAt(fanOut, at, size);
      // Mid-run the graph is busy: workers, outputs, their channels and the labelled waits between them.
      expect(layout.nodes.length, `event ${at}`).toBeGreaterThanOrEqual(5);
      expect(layout.edges.filter((e) => e.labelAt !== undefined).length).toBeGreaterThanOrEqual(2);
      expect(overlaps(layout), `event ${at} in ${size.width}×${size.height}`).toEqual([]);
    }
  });

  it("each stand on their own edge, not on a node", () => {
    for (const at of [60, 120, 150]) {
      const layout = layoutAt(fanOut, at, NARROW);
      for (const e of layout.edges) {
        const l = e.labelAt;
        if (l === undefined) continue;
        expect(l.onEdge, e.key).toBe(true);
        // Its box touches its line: on it, or just beside it.
        expect(distanceToSegment(l.x, l.y, e.x1, e.y1, e.x2, e.y2)).toBeLessThanOrEqual(Math.hypot(l.halfWidth, l.halfHeight) + 3);
        for (const n of layout.nodes)
          expect(boxesOverlap(boxAround(l.x, l.y, l.halfWidth, l.halfHeight), boxAround(n.x, n.y, n.halfWidth, n.halfHeight))).toBe(false);
      }
    }
  });

  it("do not overlap at any moment of any sample, in a narrow panel or a wide one", () => {
    const seen: string[] = [];
    for (const file of Object.keys(EXAMPLES)) {
      const model = exampleModel(file);
      for (let at = 0; at < model.length; at++) {
        for (const size of [NARROW, WIDE]) {
          const found = overlaps(layoutAt(model, at, size));
          if (found.length > 0) seen.push(`${file} at ${at} in ${size.width}: ${found.join(", ")}`);
        }
      }
    }
    expect(seen).toEqual([]);
  });

  it("do not overlap when twelve goroutines wait on one channel, each also waited for", () => {
    // main sent on jobs; worker i (G2…G13) sent one value on its own buffered `out i`, which main
    // took, then waits to receive from jobs; main waits in a select on every `out i`.
    const workers = 12;
    const t = trace().main().make(1, 1, 0, "jobs");
    for (let i = 1; i <= workers; i++) t.make(1, 1 + i, 1, `out ${i}`);
    for (let i = 1; i <= workers; i++) t.spawn(1, 1 + i, `worker ${i}`);
    t.send(1, 1, "0", 0, { peer: 2 }).recv(2, 1, "0", { peer: 1 });
    for (let i = 1; i <= workers; i++) {
      t.run(1 + i).send(1 + i, 1 + i, String(i), 1);
      t.recv(1, 1 + i, String(i), { len: 0 });
      t.block(1 + i, "chan receive", { ch: 1 });
    }
    t.block(1, "select", { cases: Array.from({ length: workers }, (_, i) => ({ ch: 2 + i, dir: "recv" as const })) });
    const model = t.model();
    for (const size of [NARROW, WIDE, { width: 900, height: 500 }]) {
      const layout = layoutAt(model, model.length - 1, size);
      expect(layout.nodes.filter((n) => n.kind === "goroutine")).toHaveLength(workers + 1);
      expect(layout.nodes.filter((n) => n.kind === "channel")).toHaveLength(workers + 1);
      expect(layout.edges.filter((e) => e.labelAt !== undefined).length).toBeGreaterThanOrEqual(2 * workers);
      expect(overlaps(layout), `${size.width}×${size.height}`).toEqual([]);
    }
  });

  it("fold twelve goroutines that only wait on one channel into one node, its edge counting them", () => {
    const t = trace().main().make(1, 1, 0, "jobs");
    for (let i = 2; i <= 13; i++) t.spawn(1, i, `worker ${i - 1}`);
    for (let i = 2; i <= 13; i++) t.run(i).block(i, "chan receive", { ch: 1 });
    const model = t.model();
    const layout = layoutAt(model, model.length - 1, NARROW);
    const group = layout.nodes.find((n) => n.members !== undefined);
    expect(group?.label).toBe("12 goroutines (G2…G13)");
    expect(layout.edges.map((e) => e.label)).toContain("recv ×12");
    expect(overlaps(layout)).toEqual([]);
  });

  it("do not overlap on a ring of eight goroutines waiting for each other", () => {
    // G(1+i) and G(2+i) use channel i (buffered: one send, one receive); then each G(1+i) waits on channel i for G(2+i), the last for G2.
    const n = 8;
    const t = trace().main();
    for (let i = 1; i <= n; i++) t.make(1, i, 1, `link ${i}`);
    for (let i = 1; i <= n; i++) t.spawn(1, 1 + i, `philosopher ${i}`);
    for (let i = 1; i <= n; i++) {
      const next = i === n ? 2 : 2 + i;
      t.run(next)
        .send(next, i, "x", 1)
        .run(1 + i)
        .recv(1 + i, i, "x", { len: 0 });
    }
    for (let i = 1; i <= n; i++) t.run(1 + i).block(1 + i, "chan receive", { ch: i });
    t.exit(1);
    const model = t.model();
    for (const size of [NARROW, WIDE]) {
      const layout = layoutAt(model, model.length - 1, size);
      expect(layout.nodes.filter((node) => node.inCycle)).toHaveLength(2 * n);
      expect(overlaps(layout)).toEqual([]);
    }
  });
});
