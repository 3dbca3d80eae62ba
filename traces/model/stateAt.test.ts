import { describe, expect, it } from "vitest";
import { eventIndex } from "../events";
import { buildModel } from "./builder";
import { stateSourcesOf } from "./createModel";
import { RunState } from "./runState";
import { materializeState, type ModelState } from "./stateAt";
import { synthesize, type TruthSnapshot } from "../testing/syntheticTrace";
import { Prng } from "../prng";
import type { TraceModel } from "./traceModel";

/** The parts of a state that are data (the lookups are functions, the graph a getter). */
function plain(s: ModelState): unknown {
  return {
    index: s.index,
    t: s.t,
    running: s.running,
    goroutines: s.goroutines,
    channels: s.channels,
    objects: s.objects,
    contexts: s.contexts,
  };
}

function graph(s: ModelState): unknown {
  const w = s.waitFor;
  return { dependencies: w.dependencies, stuck: w.stuck, cycles: w.cycles, edges: w.edges.length };
}

/** Every difference between the model's state and the simulator's own at one point. */
function diffFromTruth(m: TraceModel, truth: TruthSnapshot): string[] {
  const st = m.stateAt(eventIndex(truth.index));
  const out: string[] = [];
  const at = `after #${truth.index}`;
  if (st.running !== truth.running) out.push(`${at}: running ${st.running} != ${truth.running}`);
  if (st.goroutines.length !== truth.goroutines.size) out.push(`${at}: ${st.goroutines.length} goroutines != ${truth.goroutines.size}`);
  for (const [g, state] of truth.goroutines) {
    const got = st.goroutine(g)?.state;
    if (got !== state) out.push(`${at}: G${g} is ${got}, simulator says ${state}`);
  }
  for (const [id, c] of truth.channels) {
    const got = st.channel(id);
    const buffer = got?.buffer.map((b) => b.send.index);
    const sendq = got?.sendq.map((w) => w.g);
    const recvq = got?.recvq.map((w) => w.g);
    if (JSON.stringify(buffer) !== JSON.stringify(c.buffer))
      out.push(`${at}: ch${id} buffer ${JSON.stringify(buffer)} != ${JSON.stringify(c.buffer)}`);
    if (JSON.stringify(sendq) !== JSON.stringify(c.sendq))
      out.push(`${at}: ch${id} sendq ${JSON.stringify(sendq)} != ${JSON.stringify(c.sendq)}`);
    if (JSON.stringify(recvq) !== JSON.stringify(c.recvq))
      out.push(`${at}: ch${id} recvq ${JSON.stringify(recvq)} != ${JSON.stringify(c.recvq)}`);
    if (got?.closed !== c.closed) out.push(`${at}: ch${id} closed ${got?.closed} != ${c.closed}`);
    if (got !== undefined && got.len !== got.buffer.length) out.push(`${at}: ch${id} len ${got.len} but ${got.buffer.length} buffered`);
  }
  for (const [id, holder] of truth.holders) {
    if (st.object(id)?.holder !== holder) out.push(`${at}: mutex ${id} held by ${st.object(id)?.holder} != ${holder}`);
  }
  for (const [id, count] of truth.counters) {
    if (st.object(id)?.counter !== count) out.push(`${at}: WaitGroup ${id} counter ${st.object(id)?.counter} != ${count}`);
  }
  return out;
}

const configs = [
  { seed: 11, events: 2500, goroutines: 8, channels: 5, mainBlocks: true, sync: true, contexts: true },
  { seed: 12, events: 2500, goroutines: 6, channels: 4, sync: true, contexts: true, ending: "ok" as const },
  { seed: 13, events: 2000, goroutines: 12, channels: 3, maxCap: 2, ending: "timeout" as const },
  { seed: 14, events: 2000, goroutines: 5, channels: 6, sync: true, ending: "cut" as const },
];

describe.each(configs)("stateAt on a simulated run (seed $seed)", (config) => {
  const { events, truth } = synthesize({ ...config, truth: true });
  const model = buildModel(events, undefined, { checkpointEvery: 7 });

  it("builds without anomalies", () => {
    expect(model.anomalies).toEqual([]);
    expect(model.length).toBe(events.length);
  });

  it("matches the simulator's own state at every quiescent point", () => {
    const diffs = truth.flatMap((t) => diffFromTruth(model, t));
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(truth.length).toBeGreaterThan(events.length / 3);
  });

  it("equals a naive full replay at every index, visited in random order", () => {
    // The reference: one RunState stepped through every event, never restored from a checkpoint.
    const reference: unknown[] = [];
    const rs = new RunState();
    const src = stateSourcesOf(model);
    reference.push(plain(materializeState(src, rs.checkpoint(0), eventIndex(-1))));
    for (let i = 0; i < model.length; i++) {
      rs.step(src.columns, i);
      reference.push(plain(materializeState(src, rs.checkpoint(i + 1), eventIndex(i))));
    }
    const random = new Prng(config.seed);
    const rand = (): number => random.nextFloat();
    const order = Array.from({ length: model.length + 1 }, (_, k) => k - 1).sort(() => rand() - 0.5);
    let mismatches = 0;
    for (const i of order) {
      if (JSON.stringify(plain(model.stateAt(eventIndex(i)))) !== JSON.stringify(reference[i + 1])) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("is the same on both sides of every checkpoint boundary", () => {
    const fresh = buildModel(events, undefined, { checkpointEvery: 7 });
    expect(fresh.checkpoints.length).toBeGreaterThan(10);
    for (const at of fresh.checkpoints) {
      for (const i of [at - 2, at - 1, at]) {
        if (i < -1 || i >= fresh.length) continue;
        const rs = new RunState();
        const src = stateSourcesOf(fresh);
        for (let k = 0; k <= i; k++) rs.step(src.columns, k);
        expect(plain(fresh.stateAt(eventIndex(i)))).toEqual(plain(materializeState(src, rs.checkpoint(i + 1), eventIndex(i))));
      }
    }
  });

  it("gives the same wait-for graph with and without checkpoints", () => {
    const dense = buildModel(events, undefined, { checkpointEvery: 1_000_000 });
    const random = new Prng(config.seed + 1);
    const rand = (): number => random.nextFloat();
    for (let k = 0; k < 40; k++) {
      const i = Math.floor(rand() * model.length);
      expect(graph(model.stateAt(eventIndex(i)))).toEqual(graph(dense.stateAt(eventIndex(i))));
    }
  });

  it("agrees with the goroutine spans at every index", () => {
    let mismatches = 0;
    for (let i = 0; i < model.length; i += 3) {
      const st = model.stateAt(eventIndex(i));
      for (const g of st.goroutines) {
        const spans = model.goroutine(g.id)?.spans;
        const k = spans?.spanAt(eventIndex(i)) ?? -1;
        if (spans === undefined || spans.stateOf(k) !== g.state || spans.startIndex(k) !== g.since.index) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  it("rebuilds every event from the columns as it was", () => {
    for (let i = 0; i < events.length; i++) expect(model.event(eventIndex(i))).toEqual(events[i]);
  });
});

describe("stateAt", () => {
  it("before the first event is empty", () => {
    const { events } = synthesize({ seed: 3, events: 200, goroutines: 3, channels: 2 });
    const s = buildModel(events).stateAt(eventIndex(-1));
    expect(s.goroutines).toEqual([]);
    expect(s.channels).toEqual([]);
    expect(s.running).toBeUndefined();
  });

  it("rejects an index outside the trace", () => {
    const { events } = synthesize({ seed: 3, events: 200, goroutines: 3, channels: 2 });
    const m = buildModel(events);
    expect(() => m.stateAt(eventIndex(m.length))).toThrow(RangeError);
    expect(() => m.stateAt(eventIndex(-2))).toThrow(RangeError);
  });

  it("returns frozen states", () => {
    const { events } = synthesize({ seed: 3, events: 200, goroutines: 3, channels: 2 });
    const s = buildModel(events).stateAt(eventIndex(100));
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.goroutines)).toBe(true);
    expect(Object.isFrozen(s.channels)).toBe(true);
  });
});
