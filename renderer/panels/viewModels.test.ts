import { describe, expect, it } from "vitest";
import { eventIndex, goroutineId, type EventIndex } from "../../traces/events";
import type { SampleSummary } from "../../main/contract/hostApi";
import { buildModel } from "../../traces/model/index";
import { trace } from "../../traces/testing/traceBuilder";
import { bufferedModel, circularDeadlockModel } from "../testing/fixtureTraces";
import { crowdedDeadlockTrace } from "../../traces/testing/fixtureTraces";
import { endStateView, withoutGoroutineHeader } from "./endStateView";
import { lineOfEvent, parkedByLine, programSource } from "./sourceView";
import { caretIndent, problemPlace } from "./ProgramPreviewDialog";
import { waitChannels, waitPhrase } from "../../traces/vocabulary/index";
import { cycleKeys, layoutWaitForGraph } from "./waitForGraphLayout";

const SIZE = { width: 420, height: 260 };

describe("the wait-for graph layout", () => {
  const model = circularDeadlockModel();
  const state = model.stateAt(eventIndex(model.length - 1));
  const layout = layoutWaitForGraph(state.waitFor, model, (g) => state.goroutine(g)?.state, SIZE);

  it("marks the deadlock ring: both goroutines, both channels and the four edges between them", () => {
    expect(
      layout.nodes
        .filter((n) => n.inCycle)
        .map((n) => n.label)
        .sort(),
    ).toEqual(["G2 alice", "G3 bob", "chan a", "chan b"]);
    expect(
      layout.edges
        .filter((e) => e.inCycle)
        .map((e) => e.key)
        .sort(),
    ).toEqual(["ch1>g3", "ch2>g2", "g2>ch1", "g3>ch2"]);
  });

  it("orders the ring the way the wait goes round", () => {
    expect(cycleKeys(state.waitFor).ring).toEqual(["g2", "ch1", "g3", "ch2"]);
  });

  it("keeps every node inside the drawing and no two labels overlapping", () => {
    for (const n of layout.nodes) {
      expect(n.x - n.halfWidth).toBeGreaterThanOrEqual(0);
      expect(n.x + n.halfWidth).toBeLessThanOrEqual(layout.width);
      expect(n.y - n.halfHeight).toBeGreaterThanOrEqual(0);
      expect(n.y + n.halfHeight).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= a.halfWidth + b.halfWidth || Math.abs(a.y - b.y) >= a.halfHeight + b.halfHeight;
        expect(apart, `${a.label} / ${b.label}`).toBe(true);
      }
    }
  });

  it("is the same every time for the same graph", () => {
    expect(layoutWaitForGraph(state.waitFor, model, (g) => state.goroutine(g)?.state, SIZE)).toEqual(layout);
  });

  it("labels waits with the operation and colours them by channel", () => {
    const wait = layout.edges.find((e) => e.key === "g2>ch1");
    expect(wait).toMatchObject({ kind: "waits", label: "recv", channel: 1 });
  });

  it("puts waiters, what they wait on and who could act in columns when there is no cycle", () => {
    const t = trace().main().make(1, 1, 0, "jobs").spawn(1, 2, "w1").spawn(1, 3, "w2");
    t.run(2).block(2, "chan receive", { ch: 1 }).run(3).block(3, "chan receive", { ch: 1 }).run(1).send(1, 1, "x", 0, { peer: 2 });
    const m = buildModel(t.events.slice(0, 9));
    const s = m.stateAt(eventIndex(m.length - 1));
    const l = layoutWaitForGraph(s.waitFor, m, (g) => s.goroutine(g)?.state, SIZE);
    const x = (label: string): number => l.nodes.find((n) => n.label === label)?.x ?? NaN;
    expect(x("G2 w1")).toBe(x("G3 w2"));
    expect(x("chan jobs")).toBeGreaterThan(x("G2 w1"));
  });
});

describe("the wait-for graph layout of thousands of waiters", () => {
  it("folds the goroutines parked on one channel into one node, in linear time", () => {
    const senders = 20_000;
    const model = buildModel(crowdedDeadlockTrace(senders).events);
    const state = model.stateAt(eventIndex(model.length - 1));
    const started = performance.now();
    const layout = layoutWaitForGraph(state.waitFor, model, (g) => state.goroutine(g)?.state, SIZE);
    // Loose bound: every node scanning every edge took 12 s here.
    expect(performance.now() - started).toBeLessThan(4_000);
    const group = layout.nodes.find((n) => n.members !== undefined);
    expect(group?.members).toHaveLength(senders);
    expect(layout.nodes.length).toBeLessThan(10);
  });
});

describe("the end-state banner", () => {
  it("says nothing for a run that finished normally", () => {
    expect(endStateView(bufferedModel(), false)).toBeUndefined();
  });

  it("says nothing while the run is still live", () => {
    expect(endStateView(circularDeadlockModel(), true)).toBeUndefined();
  });

  it("gives Go's message and one entry per stuck goroutine with where to jump", () => {
    const model = circularDeadlockModel();
    const v = endStateView(model, false);
    expect(v?.tone).toBe("deadlock");
    expect(v?.headline).toBe("fatal error: all goroutines are asleep - deadlock!");
    expect(v?.entries.map((e) => e.g)).toEqual([1, 2, 3]);
    const alice = v?.entries.find((e) => e.g === 2);
    expect(alice?.channels).toEqual([1]);
    expect(model.event(alice?.jumpTo as EventIndex)).toMatchObject({ kind: "block", g: 2, reason: "chan receive" });
    expect(v?.cycles[0]).toContain("G2, waiting to receive from `a`, waits for G3");
  });

  it("sums itself up in one line when it has no room for its list", () => {
    expect(endStateView(circularDeadlockModel(), false)?.summary).toBe("3 goroutines stuck · wait cycle G2 → G3 → G2");
  });

  it("calls a run whose main returned with goroutines still blocked a leak", () => {
    const t = trace().main().make(1, 1, 0, "result").spawn(1, 2, "fetcher").run(2).block(2, "chan send", { ch: 1, v: "42" }).run(1).exit(1);
    t.leak(2, "chan send", { ch: 1 }).end("ok");
    const v = endStateView(buildModel(t.events), false);
    expect(v?.tone).toBe("leak");
    expect(v?.entries.map((e) => [e.g, e.kind])).toEqual([[2, "leaked"]]);
    expect(v?.summary).toBe("1 goroutine leaked");
  });

  it("gives a run whose main returned under runnable goroutines a banner of its own, milder than a leak", () => {
    const t = trace().main().spawn(1, 2, "printer").exit(1).end("ok");
    const v = endStateView(buildModel(t.events), false);
    expect(v?.tone).toBe("unfinished");
    expect(v?.entries.map((e) => [e.g, e.kind])).toEqual([[2, "unfinished"]]);
    expect(v?.entries[0]?.summary).toBe("[runnable] started with go but never ran");
  });

  it("drops the goroutine header the chip in front already shows", () => {
    expect(withoutGoroutineHeader("goroutine 2 (alice) [chan receive]: waiting to receive from `a`")).toBe(
      "[chan receive] waiting to receive from `a`",
    );
    expect(withoutGoroutineHeader("goroutine 1 [select]: waiting in a select")).toBe("[select] waiting in a select");
    expect(withoutGoroutineHeader("something else")).toBe("something else");
  });
});

describe("the source panel", () => {
  const sample: SampleSummary = {
    id: "s",
    title: "S",
    pattern: "",
    lookFor: "",
    ending: "ok",
    file: "samples/s.ts",
    source: "line one\r\nline two\n",
  };

  const header = {
    format: "chanscope-trace",
    version: 1,
    seed: 1,
    strategy: "fifo",
    clock: "virtual",
    runtime: "0",
    createdAt: "",
  } as const;

  it("takes the program's source from the trace's header, else from the sample", () => {
    const fromSample = buildModel([], { ...header, program: { name: "S", id: "s" } });
    expect(programSource(fromSample, [sample])).toEqual({
      ran: { file: "samples/s.ts", language: "TypeScript", lines: ["line one", "line two"] },
      other: undefined,
    });
    const own = buildModel([], { ...header, program: { name: "mine.ts", source: "a\nb\nc" } });
    expect(programSource(own, [])).toEqual({ ran: { file: "mine.ts", language: "TypeScript", lines: ["a", "b", "c"] }, other: undefined });
    expect(programSource(buildModel([]), [sample])).toBeUndefined();
  });

  it("shows a sample's Go original beside the TypeScript version, the one that ran first", () => {
    const withGo = { ...sample, go: { file: "samples/go/s.go", source: "package main\n" } };
    const tsRun = buildModel([], { ...header, program: { name: "S", id: "s", source: "ts" } });
    expect(programSource(tsRun, [withGo])).toEqual({
      ran: { file: "samples/s.ts", language: "TypeScript", lines: ["ts"] },
      other: { file: "samples/go/s.go", language: "Go", lines: ["package main"] },
    });
    const goRun = buildModel([], {
      ...header,
      program: { name: "S (Go)", id: "samples/go/s.go", source: "package main\n\nfunc main() {}" },
    });
    expect(programSource(goRun, [withGo])).toEqual({
      ran: { file: "samples/go/s.go", language: "Go", lines: ["package main", "", "func main() {}"] },
      other: { file: "samples/s.ts", language: "TypeScript", lines: ["line one", "line two"] },
    });
    const ownGo = buildModel([], { ...header, program: { name: "prog", id: "prog.go", source: "package main" } });
    expect(programSource(ownGo, [withGo])?.ran).toEqual({ file: "prog.go", language: "Go", lines: ["package main"] });
  });

  it("finds an event's line and which goroutines are parked on each line", () => {
    const model = bufferedModel();
    expect(lineOfEvent(model, eventIndex(7))).toBe(18);
    expect(lineOfEvent(model, eventIndex(0))).toBeUndefined();
    expect(parkedByLine(model.stateAt(eventIndex(7))).get(18)).toEqual([1]);
  });
});

describe("a wait in words", () => {
  it("names the value and the channel of a blocked send", () => {
    const model = bufferedModel();
    const w = model.stateAt(eventIndex(7)).goroutine(goroutineId(1))?.wait;
    if (w === undefined) throw new Error("G1 should wait");
    expect(waitPhrase(w, "short", model)).toBe("send 4 → messages");
    expect(waitChannels(w)).toEqual([1]);
  });
});

describe("a program that did not compile", () => {
  it("is placed as a compiler prints it, file:line:col", () => {
    expect(problemPlace({ file: "prog.go", line: 6, column: 2, message: "m" })).toBe("prog.go:6:2");
    expect(problemPlace({ file: "prog.ts", line: 3, message: "m" })).toBe("prog.ts:3");
    expect(problemPlace({ file: "prog.ts", message: "m" })).toBe("prog.ts");
  });

  it("has its caret under the column, past the line's own tabs", () => {
    expect(caretIndent("\tcount := 1", 2)).toBe("\t");
    expect(caretIndent("\t\tx := y + z", 10)).toBe("\t\t       ");
    expect(caretIndent("abc", undefined)).toBe("");
  });
});
