// The wait-for graph at a moment: goroutines point at what they wait on, and
// each resource points at the goroutines that could act on it. The runtime does
// not record who holds a reference to a channel, so "could act" is a guess
// (DESIGN §4, gotraceui's approach to blocking):
// - a channel: goroutines that already sent, received or closed on it and are
//   still alive (not those parked on it the same way as the waiter), plus the
//   goroutines parked on its other side;
// - a Mutex/RWMutex: its holder(s);
// - a WaitGroup: live goroutines that called Add/Done on it, and those started
//   after an Add that have not (the count is theirs);
// - a Once: the goroutine running its function;
// - a Cond, a Semaphore, an errgroup: live goroutines that used it (signalled,
//   released, ran a task of the group).
// A waiter is stuck when nothing can wake it: it does not wait on time or io,
// and every goroutine that could act for it is stuck too (a fixpoint). A cycle
// is a ring of stuck goroutines each waiting for the next.

import type { ChannelId, GoroutineId, ObjectId, SyncType, WaitReason } from "../events";
import type { User } from "./channels";
import type { GoroutineState } from "../codes";
import type { WaitInfo } from "./waitInfo";

export type ResourceRef = { readonly kind: "channel"; readonly id: ChannelId } | { readonly kind: "object"; readonly id: ObjectId };

/** counted: started after an Add on a WaitGroup and has not called Add or Done on it since: the Add was for it. */
export type ActorRole = "user" | "parked-sender" | "parked-receiver" | "holder" | "reader" | "adder" | "counted" | "once-runner";

export interface Actor {
  readonly g: GoroutineId;
  readonly via: ResourceRef;
  readonly role: ActorRole;
}

export interface WaitDependency {
  readonly g: GoroutineId;
  readonly reason: WaitReason;
  /** What it waits on; empty for sleep, io, nil channels and an empty select. */
  readonly resources: readonly ResourceRef[];
  /** Goroutines that could act on those resources, g itself excluded. */
  readonly actors: readonly Actor[];
  /** A channel it receives from is fed by an armed timer (or a context deadline): the runtime will wake it. */
  readonly timer: ResourceRef | undefined;
  /** Nothing can ever wake it (see the module comment). */
  readonly stuck: boolean;
}

export interface WaitNode {
  /** "g2", "ch5", "obj3". */
  readonly key: string;
  readonly kind: "goroutine" | "channel" | "object";
  readonly id: number;
}

export interface WaitEdge {
  readonly from: string;
  readonly to: string;
  /** waits: goroutine -> resource. can-act: resource -> goroutine. */
  readonly kind: "waits" | "can-act";
  /** For waits. */
  readonly reason?: WaitReason;
  /** For can-act. */
  readonly role?: ActorRole;
}

export interface WaitCycleStep {
  readonly g: GoroutineId;
  readonly reason: WaitReason;
  /** The resource through which g waits for the next goroutine. */
  readonly via: ResourceRef;
  readonly waitsFor: GoroutineId;
}

export interface WaitCycle {
  /** g0 waits for g1 ... waits for g0. Starts at the smallest id. */
  readonly steps: readonly WaitCycleStep[];
}

export interface WaitForGraph {
  readonly nodes: readonly WaitNode[];
  readonly edges: readonly WaitEdge[];
  /** One per waiting goroutine, by id. */
  readonly dependencies: readonly WaitDependency[];
  readonly stuck: readonly GoroutineId[];
  readonly cycles: readonly WaitCycle[];
  dependency(g: GoroutineId): WaitDependency | undefined;
}

/** What the graph reads from a moment's state. */
export interface WaitForInput {
  readonly index: number;
  /** The goroutines parked at the moment (blocked, deadlocked, leaked). */
  readonly waiters: readonly {
    readonly id: GoroutineId;
    readonly state: GoroutineState;
    readonly wait: WaitInfo | undefined;
  }[];
  /** Any goroutine's state; undefined if it does not exist yet. */
  stateOf(g: GoroutineId): GoroutineState | undefined;
  channel(
    id: ChannelId,
  ): { readonly sendq: readonly { readonly g: GoroutineId }[]; readonly recvq: readonly { readonly g: GoroutineId }[] } | undefined;
  object(id: ObjectId):
    | {
        readonly type: SyncType;
        readonly holder: GoroutineId | undefined;
        readonly readers: readonly GoroutineId[];
        readonly once: "idle" | "running" | "done" | undefined;
        readonly onceBy: GoroutineId | undefined;
      }
    | undefined;
  channelUsers(id: ChannelId): readonly User[];
  objectUsers(id: ObjectId): readonly User[];
  /** A WaitGroup's counted goroutines (SyncObjectInfo.counted). */
  objectCounted(id: ObjectId): readonly User[];
  /** A timer is armed to deliver to this channel (the runtime will send: after, timer, ticker). */
  timerArmedOn(ch: ChannelId): boolean;
}

const nodeKey = (r: ResourceRef): string => (r.kind === "channel" ? `ch${r.id}` : `obj${r.id}`);
const goroutineKey = (g: GoroutineId): string => `g${g}`;

const isGone = (s: GoroutineState): boolean => s === "exited" || s === "panicked";
const isWaiting = (s: GoroutineState): boolean => s.startsWith("blocked-") || s === "deadlocked" || s === "leaked";

export function buildWaitForGraph(input: WaitForInput): WaitForGraph {
  const alive = (g: GoroutineId): boolean => {
    const s = input.stateOf(g);
    return s !== undefined && !isGone(s);
  };

  // Actors of a channel side are the same for every waiter on it: compute once per (channel, side).
  const channelSide = new Map<number, readonly Actor[]>();
  const channelActors = (w: GoroutineId, ch: ChannelId, dir: "send" | "recv", out: Actor[]): void => {
    const key: number = dir === "send" ? ch : -(ch as number) - 1;
    let side = channelSide.get(key);
    if (side === undefined) {
      const list: Actor[] = [];
      const via: ResourceRef = Object.freeze({ kind: "channel", id: ch });
      const st = input.channel(ch);
      const same = new Set<GoroutineId>();
      const opposite: GoroutineId[] = [];
      if (st !== undefined) {
        for (const q of dir === "send" ? st.sendq : st.recvq) same.add(q.g);
        for (const q of dir === "send" ? st.recvq : st.sendq) opposite.push(q.g);
      }
      for (const u of input.channelUsers(ch)) {
        if (u.first > input.index) break;
        if (alive(u.g) && !same.has(u.g)) list.push(Object.freeze({ g: u.g, via, role: "user" }));
      }
      const role: ActorRole = dir === "recv" ? "parked-sender" : "parked-receiver";
      for (const g of opposite) list.push(Object.freeze({ g, via, role }));
      channelSide.set(key, (side = list));
    }
    for (const a of side) if (a.g !== w) out.push(a);
  };

  const objectActors = (w: GoroutineId, obj: ObjectId, out: Actor[]): void => {
    const via: ResourceRef = Object.freeze({ kind: "object", id: obj });
    const st = input.object(obj);
    if (st === undefined) return;
    switch (st.type) {
      case "Mutex":
      case "RWMutex":
        // A holder that exited (or panicked) without unlocking can never unlock: it is no actor.
        if (st.holder !== undefined && st.holder !== w && alive(st.holder)) {
          out.push(Object.freeze({ g: st.holder, via, role: "holder" }));
        }
        for (const r of st.readers) if (r !== w && alive(r)) out.push(Object.freeze({ g: r, via, role: "reader" }));
        break;
      case "WaitGroup": {
        const users = new Set<GoroutineId>();
        for (const u of input.objectUsers(obj)) {
          if (u.first > input.index) break;
          users.add(u.g);
          if (u.g !== w && alive(u.g)) out.push(Object.freeze({ g: u.g, via, role: "adder" }));
        }
        for (const u of input.objectCounted(obj)) {
          if (u.first > input.index) break;
          if (u.g !== w && alive(u.g) && !users.has(u.g)) out.push(Object.freeze({ g: u.g, via, role: "counted" }));
        }
        break;
      }
      case "Once":
        if (st.once === "running" && st.onceBy !== undefined && st.onceBy !== w && alive(st.onceBy)) {
          out.push(Object.freeze({ g: st.onceBy, via, role: "once-runner" }));
        }
        break;
      case "Cond":
      case "Semaphore":
      case "ErrGroup":
        // Whoever used it may signal, release, or finish a task of the group.
        for (const u of input.objectUsers(obj)) {
          if (u.first > input.index) break;
          if (u.g !== w && alive(u.g)) out.push(Object.freeze({ g: u.g, via, role: "user" }));
        }
        break;
      case "Atomic":
        break;
    }
  };

  interface Draft {
    readonly g: GoroutineId;
    readonly reason: WaitReason;
    readonly resources: ResourceRef[];
    readonly actors: Actor[];
    readonly timer: ResourceRef | undefined;
    readonly wakesByItself: boolean;
  }
  const drafts: Draft[] = [];
  for (const g of input.waiters) {
    if (!isWaiting(g.state) || g.wait === undefined) continue;
    const w = g.wait;
    const resources: ResourceRef[] = [];
    const actors: Actor[] = [];
    let timer: ResourceRef | undefined;
    const timed = (ch: ChannelId): void => {
      if (timer === undefined && input.timerArmedOn(ch)) timer = Object.freeze({ kind: "channel", id: ch });
    };
    switch (w.reason) {
      case "chan send":
      case "chan receive":
        if (w.ch !== undefined) {
          resources.push(Object.freeze({ kind: "channel", id: w.ch }));
          channelActors(g.id, w.ch, w.reason === "chan send" ? "send" : "recv", actors);
          if (w.reason === "chan receive") timed(w.ch);
        }
        break;
      case "select": {
        // A set, not a scan of resources: a select may have tens of thousands of cases.
        const listed = new Set<ChannelId>();
        for (const c of w.cases ?? []) {
          if (c.ch === null) continue;
          if (!listed.has(c.ch)) {
            listed.add(c.ch);
            resources.push(Object.freeze({ kind: "channel", id: c.ch }));
          }
          channelActors(g.id, c.ch, c.dir, actors);
          if (c.dir === "recv") timed(c.ch);
        }
        break;
      }
      case "sync.Mutex.Lock":
      case "sync.RWMutex.RLock":
      case "sync.RWMutex.Lock":
      case "sync.WaitGroup.Wait":
      case "sync.Once.Do":
      case "sync.Cond.Wait":
      case "semaphore.Weighted.Acquire":
      case "errgroup.Group.Wait":
      case "errgroup.Group.Go":
        if (w.obj !== undefined) {
          resources.push(Object.freeze({ kind: "object", id: w.obj }));
          objectActors(g.id, w.obj, actors);
        }
        break;
      case "chan send (nil chan)":
      case "chan receive (nil chan)":
      case "select (no cases)":
      case "sleep":
      case "io":
        break;
    }
    // A leaked sleeper or io waiter would still wake (it only leaked because main returned); so would
    // a receiver on a channel an armed timer delivers to.
    const wakesByItself = w.reason === "sleep" || w.reason === "io" || timer !== undefined;
    drafts.push({ g: g.id, reason: w.reason, resources, actors: dedupe(actors), timer, wakesByItself });
  }

  // Fixpoint: a waiter can wake if it waits on time/io, or some actor is not waiting, or some actor can wake.
  const byG = new Map<GoroutineId, Draft>(drafts.map((d) => [d.g, d]));
  const wakeable = new Set<GoroutineId>();
  const dependents = new Map<GoroutineId, GoroutineId[]>();
  const queue: GoroutineId[] = [];
  for (const d of drafts) {
    for (const a of d.actors) {
      let list = dependents.get(a.g);
      if (list === undefined) dependents.set(a.g, (list = []));
      list.push(d.g);
    }
    if (d.wakesByItself || d.actors.some((a) => !byG.has(a.g))) {
      wakeable.add(d.g);
      queue.push(d.g);
    }
  }
  while (queue.length > 0) {
    const g = queue.pop() as GoroutineId;
    for (const dep of dependents.get(g) ?? []) {
      if (!wakeable.has(dep)) {
        wakeable.add(dep);
        queue.push(dep);
      }
    }
  }

  const dependencies = drafts.map((d): WaitDependency =>
    Object.freeze({
      g: d.g,
      reason: d.reason,
      resources: Object.freeze(d.resources),
      actors: Object.freeze(d.actors),
      timer: d.timer,
      stuck: !wakeable.has(d.g),
    }),
  );
  const stuck = dependencies.filter((d) => d.stuck).map((d) => d.g);

  // Nodes and edges, for drawing.
  const nodes = new Map<string, WaitNode>();
  const edges = new Map<string, WaitEdge>();
  const addNode = (key: string, kind: WaitNode["kind"], id: number): void => {
    if (!nodes.has(key)) nodes.set(key, Object.freeze({ key, kind, id }));
  };
  for (const d of dependencies) {
    const gk = goroutineKey(d.g);
    addNode(gk, "goroutine", d.g);
    for (const r of d.resources) {
      const rk = nodeKey(r);
      addNode(rk, r.kind === "channel" ? "channel" : "object", r.id);
      edges.set(`${gk}>${rk}`, Object.freeze({ from: gk, to: rk, kind: "waits", reason: d.reason }));
    }
    for (const a of d.actors) {
      const rk = nodeKey(a.via);
      const ak = goroutineKey(a.g);
      addNode(ak, "goroutine", a.g);
      if (!edges.has(`${rk}>${ak}`)) edges.set(`${rk}>${ak}`, Object.freeze({ from: rk, to: ak, kind: "can-act", role: a.role }));
    }
  }

  const cycles = findCycles(dependencies.filter((d) => d.stuck));
  const byWaiter = new Map<GoroutineId, WaitDependency>(dependencies.map((d) => [d.g, d]));
  return Object.freeze({
    nodes: Object.freeze([...nodes.values()]),
    edges: Object.freeze([...edges.values()]),
    dependencies: Object.freeze(dependencies),
    stuck: Object.freeze(stuck),
    cycles,
    dependency: (g: GoroutineId) => byWaiter.get(g),
  });
}

function dedupe(actors: readonly Actor[]): Actor[] {
  const seen = new Set<string>();
  const out: Actor[] = [];
  for (const a of actors) {
    const key = `${a.g}/${nodeKey(a.via)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** One shortest cycle per strongly connected component of stuck goroutines (Tarjan, then BFS from the smallest id). */
function findCycles(stuck: readonly WaitDependency[]): readonly WaitCycle[] {
  const inSet = new Map<GoroutineId, WaitDependency>(stuck.map((d) => [d.g, d]));
  const next = (g: GoroutineId): GoroutineId[] =>
    [...new Set((inSet.get(g)?.actors ?? []).map((a) => a.g).filter((h) => inSet.has(h)))].sort((a, b) => a - b);

  // Tarjan's SCC, iterative so a long chain cannot overflow the stack.
  let counter = 0;
  const index = new Map<GoroutineId, number>();
  const low = new Map<GoroutineId, number>();
  const onStack = new Set<GoroutineId>();
  const stack: GoroutineId[] = [];
  const components: GoroutineId[][] = [];
  for (const root of [...inSet.keys()].sort((a, b) => a - b)) {
    if (index.has(root)) continue;
    const work: { g: GoroutineId; succ: GoroutineId[]; k: number }[] = [];
    const enter = (g: GoroutineId): void => {
      index.set(g, counter);
      low.set(g, counter);
      counter++;
      stack.push(g);
      onStack.add(g);
      work.push({ g, succ: next(g), k: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const top = work[work.length - 1] as { g: GoroutineId; succ: GoroutineId[]; k: number };
      if (top.k < top.succ.length) {
        const h = top.succ[top.k++] as GoroutineId;
        if (!index.has(h)) enter(h);
        else if (onStack.has(h)) low.set(top.g, Math.min(low.get(top.g) as number, index.get(h) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.g, Math.min(low.get(parent.g) as number, low.get(top.g) as number));
      if (low.get(top.g) === index.get(top.g)) {
        const comp: GoroutineId[] = [];
        let h: GoroutineId;
        do {
          h = stack.pop() as GoroutineId;
          onStack.delete(h);
          comp.push(h);
        } while (h !== top.g);
        if (comp.length > 1) components.push(comp.sort((a, b) => a - b));
      }
    }
  }

  const cycles: WaitCycle[] = [];
  for (const comp of components) {
    const members = new Set(comp);
    const start = comp[0] as GoroutineId;
    // BFS for the shortest way back to start.
    const prev = new Map<GoroutineId, GoroutineId>();
    const frontier: GoroutineId[] = [start];
    let last: GoroutineId | undefined;
    search: while (frontier.length > 0) {
      const g = frontier.shift() as GoroutineId;
      for (const h of next(g)) {
        if (!members.has(h)) continue;
        if (h === start) {
          last = g;
          break search;
        }
        if (!prev.has(h)) {
          prev.set(h, g);
          frontier.push(h);
        }
      }
    }
    if (last === undefined) continue;
    const ring: GoroutineId[] = [last];
    while (ring[0] !== start) ring.unshift(prev.get(ring[0] as GoroutineId) as GoroutineId);
    const steps = ring.map((g, k): WaitCycleStep => {
      const h = ring[(k + 1) % ring.length] as GoroutineId;
      const d = inSet.get(g) as WaitDependency;
      const via = (d.actors.find((a) => a.g === h) as Actor).via;
      return Object.freeze({ g, reason: d.reason, via, waitsFor: h });
    });
    cycles.push(Object.freeze({ steps: Object.freeze(steps) }));
  }
  return Object.freeze(cycles);
}
