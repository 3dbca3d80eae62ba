// Where the wait-for graph's nodes go. A wait cycle (a deadlock) is laid out as
// a ring, in the order the wait goes round, so it reads as a cycle; everything
// else in three columns — waiting goroutines, what they wait on, the goroutines
// that could act on it — ordered to keep edges from crossing. Deterministic
// and sized from the labels, so labels never overlap.

import { goroutineId, type ChannelId, type GoroutineId, type ObjectId } from "../../traces/events";
import type { GoroutineState, TraceModel, WaitEdge, WaitForGraph, WaitNode } from "../../traces/model/index";
import { channelNoun, goroutineLabelOf, goroutineTag, objectLabelOf, waitPhrase, waitVerb } from "../../traces/vocabulary/index";

export interface GraphNodeLayout {
  readonly key: string;
  readonly kind: WaitNode["kind"];
  readonly id: number;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Half the box: edges stop at its border. */
  readonly halfWidth: number;
  readonly halfHeight: number;
  readonly inCycle: boolean;
  /** Goroutines: nothing can ever wake it. */
  readonly stuck: boolean;
  readonly state: GoroutineState | undefined;
  /** A group of goroutines that wait on the same thing the same way, drawn as one node. */
  readonly members: readonly GoroutineId[] | undefined;
}

export interface GraphEdgeLayout {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly kind: WaitEdge["kind"];
  readonly label: string;
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

const CHAR_WIDTH = 6.6;
const NODE_HEIGHT = 22;
const ROW_HEIGHT = 34;
const COLUMN_GAP = 56;
/** Top-to-bottom layers (a narrow panel): between layers, and between nodes of one layer. */
const LAYER_GAP = 64;
const NODE_GAP = 14;
const PADDING = 14;
/** This many goroutines waiting on exactly the same thing become one node (50 goroutines queued on a mutex). */
const GROUP_FROM = 4;

interface DisplayNode extends WaitNode {
  readonly members?: readonly GoroutineId[];
}

interface DisplayGraph {
  readonly nodes: readonly DisplayNode[];
  readonly edges: readonly (WaitEdge & { readonly count?: number })[];
}

/**
 * Folds goroutines that only wait — nobody waits for them — on the same
 * resources for the same reason into one node, so a queue of fifty reads as
 * "50 goroutines → mu" instead of fifty rows of arrows.
 */
function groupWaiters(graph: WaitForGraph, keep: ReadonlySet<string>): DisplayGraph {
  const incoming = new Set(graph.edges.map((e) => e.to));
  // Each node's outgoing edges, indexed once: thousands of waiters must not each scan every edge.
  const outgoing = new Map<string, WaitEdge[]>();
  for (const e of graph.edges) {
    const list = outgoing.get(e.from);
    if (list === undefined) outgoing.set(e.from, [e]);
    else list.push(e);
  }
  const signature = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.kind !== "goroutine" || incoming.has(n.key) || keep.has(n.key)) continue;
    const out = outgoing.get(n.key) ?? [];
    if (out.length === 0 || out.some((e) => e.kind !== "waits")) continue;
    signature.set(
      n.key,
      out
        .map((e) => `${e.to}|${e.reason ?? ""}`)
        .sort()
        .join(","),
    );
  }
  const bySignature = new Map<string, string[]>();
  for (const [key, sig] of signature) {
    const list = bySignature.get(sig);
    if (list === undefined) bySignature.set(sig, [key]);
    else list.push(key);
  }
  const groupOf = new Map<string, string>();
  const groups = new Map<string, GoroutineId[]>();
  for (const [sig, keys] of bySignature) {
    if (keys.length < GROUP_FROM) continue;
    const groupKey = `group:${sig}`;
    groups.set(
      groupKey,
      keys.map((k) => goroutineId(Number(k.slice(1)))).sort((a, b) => a - b),
    );
    for (const k of keys) groupOf.set(k, groupKey);
  }
  if (groups.size === 0) return graph;
  const nodes: DisplayNode[] = [];
  const placed = new Set<string>();
  for (const n of graph.nodes) {
    const g = groupOf.get(n.key);
    if (g === undefined) nodes.push(n);
    else if (!placed.has(g)) {
      placed.add(g);
      const members = groups.get(g) as GoroutineId[];
      nodes.push({ key: g, kind: "goroutine", id: members[0] as number, members });
    }
  }
  const edges = new Map<string, WaitEdge & { count?: number }>();
  for (const e of graph.edges) {
    const from = groupOf.get(e.from) ?? e.from;
    const key = `${from}>${e.to}`;
    const seen = edges.get(key);
    if (seen === undefined) edges.set(key, { ...e, from, ...(from === e.from ? {} : { count: 1 }) });
    else edges.set(key, { ...seen, count: (seen.count ?? 1) + 1 });
  }
  return { nodes, edges: [...edges.values()] };
}

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

export function layoutWaitForGraph(
  graph: WaitForGraph,
  model: TraceModel,
  stateOf: (g: GoroutineId) => GoroutineState | undefined,
  size: { readonly width: number; readonly height: number },
): GraphLayout {
  const cycle = cycleKeys(graph);
  const stuck = new Set(graph.stuck);
  const { nodes: shown, edges: shownEdges } = groupWaiters(graph, cycle.nodes);
  const labelOf = (n: DisplayNode): string =>
    n.members !== undefined
      ? `${n.members.length} goroutines (${goroutineTag(n.members[0] as GoroutineId)}…${goroutineTag(n.members[n.members.length - 1] as GoroutineId)})`
      : n.kind === "goroutine"
        ? goroutineLabelOf(model, n.id as GoroutineId) + ownWait(graph, n.id as GoroutineId)
        : n.kind === "channel"
          ? channelNoun(model.channel(n.id as ChannelId) ?? { id: n.id as ChannelId })
          : objectLabelOf(model, n.id as ObjectId);
  const halfWidthOf = (label: string): number => (label.length * CHAR_WIDTH) / 2 + 10;
  const byKey = new Map<string, DisplayNode>(shown.map((n) => [n.key, n]));
  const ring = cycle.ring.filter((key) => byKey.has(key));
  const inRing = new Set(ring);

  // Columns for everything off the ring: waiting goroutines | what they wait on | goroutines that could act.
  // Waiters: goroutines with a wait of their own (on a resource, or on time: sleep, io, a nil channel).
  const waiters = new Set(shownEdges.filter((e) => e.kind === "waits").map((e) => e.from));
  for (const d of graph.dependencies) waiters.add(`g${d.g}`);
  const columns: string[][] = [[], [], []];
  for (const n of shown) {
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
  for (const e of shownEdges) {
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
  const used = columns.map((c, k) => (c.length > 0 ? k : -1)).filter((k) => k >= 0);

  const widest = (keys: readonly string[]): number =>
    keys.reduce((w, k) => Math.max(w, halfWidthOf(labelOf(byKey.get(k) as DisplayNode))), 0);
  const ringHalf = widest(ring);
  const ringRadius = ring.length === 0 ? 0 : Math.max(46, Math.min(140, (ring.length * (ringHalf + 18)) / Math.PI));
  const ringWidth = ring.length === 0 ? 0 : 2 * (ringRadius + ringHalf) + PADDING;
  const ringHeight = ring.length === 0 ? 0 : 2 * ringRadius * 0.8 + NODE_HEIGHT + 2 * PADDING;
  const colHalf = used.map((k) => widest(columns[k] as string[]));
  const halfOf = (key: string): number => halfWidthOf(labelOf(byKey.get(key) as DisplayNode));

  // Off the ring: columns left to right when they fit the panel's width, else layers top to bottom (wrapping).
  const colsWidth = colHalf.reduce((w, h) => w + 2 * h, 0) + Math.max(0, used.length - 1) * COLUMN_GAP + 2 * PADDING;
  const asColumns = colsWidth <= size.width;
  const block = new Map<string, { x: number; y: number }>();
  let blockWidth = 0;
  let blockHeight = 0;
  if (used.length > 0 && asColumns) {
    const rows = Math.max(0, ...columns.map((c) => c.length));
    blockWidth = colsWidth;
    blockHeight = rows * ROW_HEIGHT + 2 * PADDING;
    let x = PADDING;
    used.forEach((col, k) => {
      const half = colHalf[k] as number;
      x += half;
      const keys = columns[col] as string[];
      const top = (blockHeight - keys.length * ROW_HEIGHT) / 2 + ROW_HEIGHT / 2;
      keys.forEach((key, r) => block.set(key, { x, y: top + r * ROW_HEIGHT }));
      x += half + COLUMN_GAP;
    });
  } else if (used.length > 0) {
    const room = Math.max(size.width - 2 * PADDING, 0);
    blockWidth = size.width;
    let y = PADDING + NODE_HEIGHT / 2;
    used.forEach((col, k) => {
      if (k > 0) y += LAYER_GAP - ROW_HEIGHT;
      // Lines of nodes, each centred; a layer too wide for one line wraps.
      const lines: string[][] = [[]];
      let lineWidth = 0;
      for (const key of columns[col] as string[]) {
        const w = 2 * halfOf(key) + NODE_GAP;
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
        const total = line.reduce((w, key) => w + 2 * halfOf(key) + NODE_GAP, -NODE_GAP);
        let x = (size.width - total) / 2;
        for (const key of line) {
          const half = halfOf(key);
          block.set(key, { x: x + half, y });
          x += 2 * half + NODE_GAP;
          blockWidth = Math.max(blockWidth, x + PADDING);
        }
        y += ROW_HEIGHT;
      }
    });
    blockHeight = y - ROW_HEIGHT + NODE_HEIGHT / 2 + PADDING;
  }

  // The ring beside the rest when both fit, else above it.
  const sideBySide = ring.length === 0 || used.length === 0 || ringWidth + blockWidth <= size.width;
  const width = Math.max(size.width, sideBySide ? ringWidth + blockWidth : Math.max(ringWidth, blockWidth));
  const height = Math.max(size.height, sideBySide ? Math.max(ringHeight, blockHeight) : ringHeight + blockHeight);

  const pos = new Map<string, { x: number; y: number }>();
  // The ring, the waiter at the top, going round clockwise the way the wait goes.
  const ringCx = sideBySide ? (used.length === 0 ? width / 2 : PADDING + ringRadius + ringHalf) : width / 2;
  const ringCy = sideBySide ? height / 2 : (height - blockHeight - ringHeight) / 2 + ringHeight / 2;
  ring.forEach((k, r) => {
    const a = -Math.PI / 2 + (2 * Math.PI * r) / ring.length;
    pos.set(k, { x: ringCx + ringRadius * Math.cos(a), y: ringCy + ringRadius * 0.8 * Math.sin(a) });
  });
  // The rest, centred in what is left.
  const left = sideBySide && ring.length > 0 ? ringWidth : 0;
  const dx = left + Math.max(0, (width - left - blockWidth) / 2);
  const dy = sideBySide ? (height - blockHeight) / 2 : height - blockHeight;
  for (const [key, p] of block) pos.set(key, { x: p.x + dx, y: p.y + dy });

  const nodes: GraphNodeLayout[] = shown.map((n) => {
    const label = labelOf(n);
    const at = pos.get(n.key) ?? { x: width / 2, y: height / 2 };
    return {
      key: n.key,
      kind: n.kind,
      id: n.id,
      label,
      x: at.x,
      y: at.y,
      halfWidth: halfWidthOf(label),
      halfHeight: NODE_HEIGHT / 2,
      inCycle: inRing.has(n.key),
      stuck: n.kind === "goroutine" && (n.members ?? [n.id as GoroutineId]).every((g) => stuck.has(g)),
      state: n.kind === "goroutine" ? stateOf(n.id as GoroutineId) : undefined,
      members: n.members,
    };
  });
  const at = new Map(nodes.map((n) => [n.key, n]));
  const edges: GraphEdgeLayout[] = shownEdges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (a === undefined || b === undefined) return [];
    const [x1, y1] = boxExit(a, b.x, b.y);
    const [x2, y2] = boxExit(b, a.x, a.y);
    const chNode = a.kind === "channel" ? a : b.kind === "channel" ? b : undefined;
    return [
      {
        key: `${e.from}>${e.to}`,
        from: e.from,
        to: e.to,
        kind: e.kind,
        label: e.count === undefined ? edgeLabel(e) : `${edgeLabel(e)} ×${e.count}`,
        x1,
        y1,
        x2,
        y2,
        inCycle: cycle.edges.has(`${e.from}>${e.to}`),
        channel: chNode?.id as ChannelId | undefined,
      },
    ];
  });
  return { nodes, edges, width, height };
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
