// Folding a crowd of waiters into one node of the wait-for graph: fifty
// goroutines queued on a mutex read as one "50 goroutines" node with one edge.

import { goroutineId, type GoroutineId } from "../../traces/events";
import type { WaitEdge, WaitForGraph, WaitNode } from "../../traces/model/index";

/** This many goroutines waiting on exactly the same thing become one node (50 goroutines queued on a mutex). */
const GROUP_FROM = 4;

export interface DisplayNode extends WaitNode {
  readonly members?: readonly GoroutineId[];
}

export interface DisplayGraph {
  readonly nodes: readonly DisplayNode[];
  readonly edges: readonly (WaitEdge & { readonly count?: number })[];
}

/**
 * Folds goroutines that only wait — nobody waits for them — on the same
 * resources for the same reason into one node, so a queue of fifty reads as
 * "50 goroutines → mu" instead of fifty rows of arrows.
 */
export function groupWaiters(graph: WaitForGraph, keep: ReadonlySet<string>): DisplayGraph {
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
