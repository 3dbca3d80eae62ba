// Where the wait-for graph's nodes go. A wait cycle (a deadlock) is laid out as
// a ring, in the order the wait goes round, so it reads as a cycle; everything
// else in three columns — waiting goroutines, what they wait on, the goroutines
// that could act on it — ordered to keep edges from crossing. Deterministic,
// and sized from the labels (labelBoxes.ts) so that no two labels overlap:
// nodes are spaced by their labels' widths, each edge label takes a free spot
// on its edge, and when some label finds none the layout is spread wider and
// tried again (edgeLabelPlacement.ts sets what is still left under it).

import type { ChannelId, GoroutineId, ObjectId } from "../../traces/events";
import type { GoroutineState, TraceModel, WaitEdge, WaitForGraph, WaitNode } from "../../traces/model/index";
import { channelNoun, goroutineLabelOf, goroutineTag, objectLabelOf, waitPhrase, waitVerb } from "../../traces/vocabulary/index";
import { placeEdgeLabels, type LabelRequest } from "./edgeLabelPlacement";
import { boxAround, boxesOverlap, labelWidth, type Box, type LabelBox } from "./labelBoxes";
import { groupWaiters, type DisplayGraph, type DisplayNode } from "./waitForGraphGroups";

export interface GraphNodeLayout {
  readonly key: string;
  readonly kind: WaitNode["kind"];
  readonly id: number;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Half the box: edges stop at its border, and the label fits inside it. */
  readonly halfWidth: number;
  readonly halfHeight: number;
  readonly inCycle: boolean;
  /** Goroutines: nothing can ever wake it. */
  readonly stuck: boolean;
  readonly state: GoroutineState | undefined;
  /** A group of goroutines that wait on the same thing the same way, drawn as one node. */
  readonly members: readonly GoroutineId[] | undefined;
}

/** Where an edge's label stands: its box's centre and half size. */
export interface EdgeLabelLayout {
  readonly x: number;
  readonly y: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
  /** False: there was no room on the edge; the label stands under the drawing with a leader to `anchor`. */
  readonly onEdge: boolean;
  readonly anchorX: number;
  readonly anchorY: number;
}

export interface GraphEdgeLayout {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly kind: WaitEdge["kind"];
  readonly label: string;
  /** Undefined when the edge has no label. */
  readonly labelAt: EdgeLabelLayout | undefined;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly inCycle: boolean;
  /** The channel the edge goes through, for its colour. */
  readonly channel: ChannelId | undefined;
}

export interface GraphLayout {
  readonly nodes: readonly GraphNodeLayout[];
  readonly edges: readonly GraphEdgeLayout[];
  readonly width: number;
  readonly height: number;
}

const NODE_HEIGHT = 22;
/** Room between a node's label and its border, each side. */
const NODE_PADDING = 8;
const EDGE_LABEL_HEIGHT = 14;
const EDGE_LABEL_PADDING = 3;
const PADDING = 14;

/** The gaps between nodes; the layout multiplies them when the labels need more room. */
interface Spacing {
  readonly row: number;
  readonly column: number;
  /** Top-to-bottom layers (a narrow panel): between layers, and between nodes of one layer. */
  readonly layer: number;
  readonly node: number;
}
const SPACING: Spacing = { row: 34, column: 56, layer: 64, node: 14 };
/** How much wider the layout is tried when some edge label finds no free spot on its edge. */
const SPREADS = [1, 1.35, 1.8, 2.4] as const;

const spread = (s: number): Spacing => ({
  row: SPACING.row * s,
  column: SPACING.column * s,
  layer: SPACING.layer * s,
  node: SPACING.node * s,
});

/** Keys of the nodes and edges on any wait cycle: g →waits→ resource →can-act→ next g. */
export function cycleKeys(graph: WaitForGraph): {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** The cycles' nodes in the order the wait goes round. */
  readonly ring: readonly string[];
} {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const c of graph.cycles) {
    for (const s of c.steps) {
      const g = `g${s.g}`;
      const r = s.via.kind === "channel" ? `ch${s.via.id}` : `obj${s.via.id}`;
      const h = `g${s.waitsFor}`;
      nodes.add(g).add(r).add(h);
      edges.add(`${g}>${r}`).add(`${r}>${h}`);
    }
  }
  return { nodes, edges, ring: [...nodes] };
}

const edgeLabel = (e: WaitEdge): string => {
  if (e.kind === "waits") return e.reason === undefined ? "" : waitVerb(e.reason);
  switch (e.role) {
    case "parked-sender":
      return "parked sender";
    case "parked-receiver":
      return "parked receiver";
    case "holder":
      return "holds";
    case "reader":
      return "reads";
    case "adder":
      return "Add/Done";
    case "counted":
      return "owes Done";
    case "once-runner":
      return "runs Do";
    case "user":
    case undefined:
      // The dashed line already says it: a label on every such edge is clutter.
      return "";
  }
};

/** What the layout lays out: the shown nodes with their labels, the shown edges, the ring and the three columns in order. */
interface Arrangement {
  readonly graph: DisplayGraph;
  readonly labelOf: ReadonlyMap<string, string>;
  readonly halfWidthOf: ReadonlyMap<string, number>;
  readonly ring: readonly string[];
  readonly columns: readonly (readonly string[])[];
}

interface Placed {
  readonly pos: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  readonly width: number;
  readonly height: number;
}

export function layoutWaitForGraph(
  graph: WaitForGraph,
  model: TraceModel,
  stateOf: (g: GoroutineId) => GoroutineState | undefined,
  size: { readonly width: number; readonly height: number },
): GraphLayout {
  const cycle = cycleKeys(graph);
  const stuck = new Set(graph.stuck);
  const arrangement = arrange(graph, model, cycle);
  const { graph: shown, labelOf, halfWidthOf } = arrangement;
  const inRing = new Set(arrangement.ring);
  let layout: GraphLayout | undefined;
  for (const s of SPREADS) {
    const placed = placeNodes(arrangement, size, spread(s));
    const nodes: GraphNodeLayout[] = shown.nodes.map((n) => {
      const at = placed.pos.get(n.key) ?? { x: placed.width / 2, y: placed.height / 2 };
      return {
        key: n.key,
        kind: n.kind,
        id: n.id,
        label: labelOf.get(n.key) ?? "",
        x: at.x,
        y: at.y,
        halfWidth: halfWidthOf.get(n.key) ?? 0,
        halfHeight: NODE_HEIGHT / 2,
        inCycle: inRing.has(n.key),
        stuck: n.kind === "goroutine" && (n.members ?? [n.id as GoroutineId]).every((g) => stuck.has(g)),
        state: n.kind === "goroutine" ? stateOf(n.id as GoroutineId) : undefined,
        members: n.members,
      };
    });
    const { edges, bottom, allOnEdges } = routeEdges(shown, nodes, cycle.edges, placed);
    layout = { nodes, edges, width: placed.width, height: Math.max(placed.height, bottom) };
    if (allOnEdges) break;
  }
  return layout as GraphLayout;
}

/** Every label's box: each node's (its label is inside it) and each edge label's. */
export function labelBoxesOf(layout: GraphLayout): readonly LabelBox[] {
  return [
    ...layout.nodes.map((n) => ({ key: n.key, box: boxAround(n.x, n.y, n.halfWidth, n.halfHeight) })),
    ...layout.edges.flatMap((e) =>
      e.labelAt === undefined
        ? []
        : [{ key: `label ${e.key}`, box: boxAround(e.labelAt.x, e.labelAt.y, e.labelAt.halfWidth, e.labelAt.halfHeight) }],
    ),
  ];
}

/** The shown graph (crowds folded), every node's label and width, and which node goes in the ring or in which column, in order. */
function arrange(graph: WaitForGraph, model: TraceModel, cycle: ReturnType<typeof cycleKeys>): Arrangement {
  const shown = groupWaiters(graph, cycle.nodes);
  const labelOf = new Map(shown.nodes.map((n) => [n.key, nodeLabel(n, graph, model)]));
  const halfWidthOf = new Map(
    shown.nodes.map((n) => [n.key, labelWidth(labelOf.get(n.key) ?? "", n.kind === "channel" ? "code" : "node") / 2 + NODE_PADDING]),
  );
  const byKey = new Map<string, DisplayNode>(shown.nodes.map((n) => [n.key, n]));
  const ring = cycle.ring.filter((key) => byKey.has(key));
  const inRing = new Set(ring);

  // Columns for everything off the ring: waiting goroutines | what they wait on | goroutines that could act.
  // Waiters: goroutines with a wait of their own (on a resource, or on time: sleep, io, a nil channel).
  const waiters = new Set(shown.edges.filter((e) => e.kind === "waits").map((e) => e.from));
  for (const d of graph.dependencies) waiters.add(`g${d.g}`);
  const columns: string[][] = [[], [], []];
  for (const n of shown.nodes) {
    if (inRing.has(n.key)) continue;
    const col = n.kind !== "goroutine" ? 1 : waiters.has(n.key) ? 0 : 2;
    (columns[col] as string[]).push(n.key);
  }
  // Order each column by where its neighbours sit (barycentres), so edges cross as little as possible.
  const rowOf = new Map<string, number>();
  (columns[0] as string[]).sort((a, b) => (byKey.get(a)?.id ?? 0) - (byKey.get(b)?.id ?? 0)).forEach((k, r) => rowOf.set(k, r));
  ring.forEach((k, r) => rowOf.set(k, r));
  // Each node's neighbours, indexed once (a scan of every edge per node is quadratic in a big graph).
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = adjacent.get(a);
    if (list === undefined) adjacent.set(a, [b]);
    else list.push(b);
  };
  for (const e of shown.edges) {
    link(e.to, e.from);
    if (e.from !== e.to) link(e.from, e.to);
  }
  const neighbours = (key: string): number[] => (adjacent.get(key) ?? []).flatMap((k) => (rowOf.has(k) ? [rowOf.get(k) as number] : []));
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? Infinity : xs.reduce((a, b) => a + b, 0) / xs.length);
  for (const col of [1, 2]) {
    const list = columns[col] as string[];
    const weight = new Map(list.map((k) => [k, mean(neighbours(k))]));
    list.sort((a, b) => (weight.get(a) as number) - (weight.get(b) as number) || (byKey.get(a)?.id ?? 0) - (byKey.get(b)?.id ?? 0));
    list.forEach((k, r) => rowOf.set(k, r));
  }
  return { graph: shown, labelOf, halfWidthOf, ring, columns };
}

function nodeLabel(n: DisplayNode, graph: WaitForGraph, model: TraceModel): string {
  return n.members !== undefined
    ? `${n.members.length} goroutines (${goroutineTag(n.members[0] as GoroutineId)}…${goroutineTag(n.members[n.members.length - 1] as GoroutineId)})`
    : n.kind === "goroutine"
      ? goroutineLabelOf(model, n.id as GoroutineId) + ownWait(graph, n.id as GoroutineId)
      : n.kind === "channel"
        ? channelNoun(model.channel(n.id as ChannelId) ?? { id: n.id as ChannelId })
        : objectLabelOf(model, n.id as ObjectId);
}

/**
 * The ring's radius: the smallest, from a size that reads as a ring, at which
 * no two of its nodes overlap (the ring is an ellipse, 0.8 as tall as wide).
 */
function ringRadius(halves: readonly number[], gap: number): number {
  const n = halves.length;
  const widest = Math.max(0, ...halves);
  let radius = Math.max(46, Math.min(140, (n * (widest + 18)) / Math.PI));
  const boxAt = (k: number, r: number): Box => {
    const a = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return boxAround(r * Math.cos(a), r * 0.8 * Math.sin(a), halves[k] as number, NODE_HEIGHT / 2);
  };
  const clear = (r: number): boolean => {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (boxesOverlap(boxAt(i, r), boxAt(j, r), gap)) return false;
    return true;
  };
  // Far enough apart that any two nodes clear each other: 0.8 times the chord of neighbours beats any box's diagonal.
  const enough = n < 2 ? radius : Math.hypot(2 * widest + gap, NODE_HEIGHT + gap) / (1.6 * Math.sin(Math.PI / n));
  while (radius < enough && !clear(radius)) radius += 8;
  return clear(radius) ? radius : enough;
}

/** Where each node goes, for one spacing: the ring beside the columns (or above them), columns as layers in a narrow panel. */
function placeNodes(a: Arrangement, size: { readonly width: number; readonly height: number }, gap: Spacing): Placed {
  const { ring, columns } = a;
  const halfOf = (key: string): number => a.halfWidthOf.get(key) ?? 0;
  const used = columns.map((c, k) => (c.length > 0 ? k : -1)).filter((k) => k >= 0);
  const widest = (keys: readonly string[]): number => keys.reduce((w, k) => Math.max(w, halfOf(k)), 0);
  const ringHalf = widest(ring);
  const radius = ring.length === 0 ? 0 : ringRadius(ring.map(halfOf), gap.node / 2) * (gap.row / SPACING.row);
  const ringWidth = ring.length === 0 ? 0 : 2 * (radius + ringHalf) + PADDING;
  const ringHeight = ring.length === 0 ? 0 : 2 * radius * 0.8 + NODE_HEIGHT + 2 * PADDING;
  const colHalf = used.map((k) => widest(columns[k] as string[]));

  // Off the ring: columns left to right when they fit the panel's width (at the closest spacing), else layers top to bottom (wrapping).
  const colsWidth = (column: number): number =>
    colHalf.reduce((w, h) => w + 2 * h, 0) + Math.max(0, used.length - 1) * column + 2 * PADDING;
  const asColumns = colsWidth(SPACING.column) <= size.width;
  const block = new Map<string, { x: number; y: number }>();
  let blockWidth = 0;
  let blockHeight = 0;
  if (used.length > 0 && asColumns) {
    const rows = Math.max(0, ...columns.map((c) => c.length));
    blockWidth = colsWidth(gap.column);
    blockHeight = rows * gap.row + 2 * PADDING;
    let x = PADDING;
    used.forEach((col, k) => {
      const half = colHalf[k] as number;
      x += half;
      const keys = columns[col] as string[];
      const top = (blockHeight - keys.length * gap.row) / 2 + gap.row / 2;
      keys.forEach((key, r) => block.set(key, { x, y: top + r * gap.row }));
      x += half + gap.column;
    });
  } else if (used.length > 0) {
    const room = Math.max(size.width - 2 * PADDING, 0);
    blockWidth = size.width;
    let y = PADDING + NODE_HEIGHT / 2;
    used.forEach((col, k) => {
      if (k > 0) y += gap.layer - gap.row;
      // Lines of nodes, each centred; a layer too wide for one line wraps.
      const lines: string[][] = [[]];
      let lineWidth = 0;
      for (const key of columns[col] as string[]) {
        const w = 2 * halfOf(key) + gap.node;
        const line = lines[lines.length - 1] as string[];
        if (line.length > 0 && lineWidth + w > room) {
          lines.push([key]);
          lineWidth = w;
        } else {
          line.push(key);
          lineWidth += w;
        }
      }
      for (const line of lines) {
        const total = line.reduce((w, key) => w + 2 * halfOf(key) + gap.node, -gap.node);
        let x = Math.max(PADDING, (size.width - total) / 2);
        for (const key of line) {
          const half = halfOf(key);
          block.set(key, { x: x + half, y });
          x += 2 * half + gap.node;
          blockWidth = Math.max(blockWidth, x - gap.node + PADDING);
        }
        y += gap.row;
      }
    });
    blockHeight = y - gap.row + NODE_HEIGHT / 2 + PADDING;
  }

  // The ring beside the rest when both fit, else above it.
  const sideBySide = ring.length === 0 || used.length === 0 || ringWidth + blockWidth <= size.width;
  const width = Math.max(size.width, sideBySide ? ringWidth + blockWidth : Math.max(ringWidth, blockWidth));
  const height = Math.max(size.height, sideBySide ? Math.max(ringHeight, blockHeight) : ringHeight + blockHeight);

  const pos = new Map<string, { x: number; y: number }>();
  // The ring, the waiter at the top, going round clockwise the way the wait goes.
  const ringCx = sideBySide ? (used.length === 0 ? width / 2 : PADDING + radius + ringHalf) : width / 2;
  const ringCy = sideBySide ? height / 2 : (height - blockHeight - ringHeight) / 2 + ringHeight / 2;
  ring.forEach((k, r) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * r) / ring.length;
    pos.set(k, { x: ringCx + radius * Math.cos(angle), y: ringCy + radius * 0.8 * Math.sin(angle) });
  });
  // The rest, centred in what is left.
  const left = sideBySide && ring.length > 0 ? ringWidth : 0;
  const dx = left + Math.max(0, (width - left - blockWidth) / 2);
  const dy = sideBySide ? (height - blockHeight) / 2 : height - blockHeight;
  for (const [key, p] of block) pos.set(key, { x: p.x + dx, y: p.y + dy });
  return { pos, width, height };
}

/** The edges from border to border, with their labels placed: the cycle's first, then waits, then who could act. */
function routeEdges(
  shown: DisplayGraph,
  nodes: readonly GraphNodeLayout[],
  cycleEdges: ReadonlySet<string>,
  placed: Placed,
): { readonly edges: readonly GraphEdgeLayout[]; readonly bottom: number; readonly allOnEdges: boolean } {
  const at = new Map(nodes.map((n) => [n.key, n]));
  const routed = shown.edges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (a === undefined || b === undefined) return [];
    const [x1, y1] = boxExit(a, b.x, b.y);
    const [x2, y2] = boxExit(b, a.x, a.y);
    const chNode = a.kind === "channel" ? a : b.kind === "channel" ? b : undefined;
    const key = `${e.from}>${e.to}`;
    const label = e.count === undefined ? edgeLabel(e) : `${edgeLabel(e)} ×${e.count}`;
    return [
      {
        key,
        from: e.from,
        to: e.to,
        kind: e.kind,
        label,
        x1,
        y1,
        x2,
        y2,
        inCycle: cycleEdges.has(key),
        channel: chNode?.id as ChannelId | undefined,
      },
    ];
  });
  const rank = (e: (typeof routed)[number]): number => (e.inCycle ? 0 : e.kind === "waits" ? 1 : 2);
  const labelled = routed.filter((e) => e.label !== "").sort((a, b) => rank(a) - rank(b));
  const requests: LabelRequest[] = labelled.map((e) => ({
    ...e,
    halfWidth: labelWidth(e.label, "edge") / 2 + EDGE_LABEL_PADDING,
    halfHeight: EDGE_LABEL_HEIGHT / 2,
  }));
  const area = { left: 2, top: 2, right: placed.width - 2, bottom: placed.height - 2 };
  const obstacles = nodes.map((n) => boxAround(n.x, n.y, n.halfWidth, n.halfHeight));
  const { placements, bottom } = placeEdgeLabels(requests, obstacles, area);
  const labelAt = new Map(
    labelled.map((e, i) => {
      const p = placements[i] as (typeof placements)[number];
      const r = requests[i] as LabelRequest;
      return [e.key, { ...p, halfWidth: r.halfWidth, halfHeight: r.halfHeight }];
    }),
  );
  return {
    edges: routed.map((e) => ({ ...e, labelAt: labelAt.get(e.key) })),
    bottom: bottom === area.bottom ? placed.height : bottom + PADDING,
    allOnEdges: placements.every((p) => p.onEdge),
  };
}

/** " · sleep" for a goroutine that waits on nothing another goroutine could act on (so it has no edge to explain it). */
function ownWait(graph: WaitForGraph, g: GoroutineId): string {
  const d = graph.dependency(g);
  if (d === undefined || d.resources.length > 0) return "";
  return ` · ${waitPhrase({ reason: d.reason }, "badge", undefined)[0] ?? waitVerb(d.reason)}`;
}

/** Where the segment from the box's centre towards (tx, ty) leaves the box (plus a small gap for the arrowhead). */
function boxExit(n: GraphNodeLayout, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const gap = 3;
  const sx = dx === 0 ? Infinity : (n.halfWidth + gap) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (n.halfHeight + gap) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [n.x + dx * s, n.y + dy * s];
}
