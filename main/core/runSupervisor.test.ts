import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunBatch, RunEnded } from "../contract/hostApi";
import { sampleTrace } from "../../traces/testing/fixtureTraces";
import { RunSupervisor, type RunWorkerEvents } from "./runSupervisor";
import type { ToWorker } from "./workerProtocol";

/** Workers the test drives by hand: it sees what the supervisor posts and answers for the worker. */
function fakeWorkers() {
  const workers: { events: RunWorkerEvents; posted: ToWorker[]; terminated: boolean }[] = [];
  const factory = (events: RunWorkerEvents) => {
    const w = { events, posted: [] as ToWorker[], terminated: false };
    workers.push(w);
    return { post: (m: ToWorker) => w.posted.push(m), terminate: () => void (w.terminated = true) };
  };
  return { workers, factory };
}

function supervised(options = {}) {
  const { workers, factory } = fakeWorkers();
  const batches: RunBatch[] = [];
  const endings: RunEnded[] = [];
  const supervisor = new RunSupervisor(factory, { batch: (b) => batches.push(b), ended: (e) => endings.push(e) }, options);
  return { supervisor, workers, batches, endings };
}

const program = { name: "p", id: "p", file: "p.ts", source: "" };
const { events } = sampleTrace();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the run supervisor", () => {
  it("starts each run in a fresh worker with the program and its settings", () => {
    const { supervisor, workers } = supervised();
    const a = supervisor.start(program, { seed: 4, strategy: "random" });
    expect(a.header).toMatchObject({ seed: 4, strategy: "random", clock: "virtual", program: { id: "p" } });
    expect(workers[0]?.posted).toEqual([{ type: "start", program, settings: { seed: 4, strategy: "random" } }]);
  });

  it("forwards batches and ends with the worker's outcome, discarding the worker", () => {
    const { supervisor, workers, batches, endings } = supervised();
    const { runId } = supervisor.start(program, { seed: 1, strategy: "fifo" });
    const w = workers[0]!;
    w.events.message({ type: "running" });
    w.events.message({ type: "batch", events });
    w.events.message({ type: "ended", status: "deadlock", message: "fatal error", limit: undefined, eventCount: events.length });
    expect(batches).toEqual([{ runId, events }]);
    expect(endings).toEqual([{ runId, outcome: "deadlock", message: "fatal error", cutOff: false, eventCount: events.length }]);
    expect(w.terminated).toBe(true);
  });

  it("gathers the small batches a worker posts per operation into one per turn of the event loop", () => {
    const { supervisor, workers, batches } = supervised();
    const { runId } = supervisor.start(program, { seed: 1, strategy: "fifo" });
    const w = workers[0]!;
    for (const e of events) w.events.message({ type: "batch", events: [e] });
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(batches).toEqual([{ runId, events }]);
  });

  it("a stop the program answers ends as stopped with its end event", async () => {
    const { supervisor, workers, endings } = supervised();
    const { runId } = supervisor.start(program, { seed: 1, strategy: "fifo" });
    const stopped = supervisor.stop(runId);
    expect(workers[0]?.posted.at(-1)).toEqual({ type: "stop" });
    workers[0]!.events.message({
      type: "ended",
      status: "timeout",
      message: "stopped: the run was stopped",
      limit: "stopped",
      eventCount: 0,
    });
    await stopped;
    expect(endings[0]).toMatchObject({ outcome: "stopped", cutOff: false });
  });

  it("a stop the program never answers terminates the worker after the grace period", async () => {
    const { supervisor, workers, endings } = supervised({ stopGraceMs: 300 });
    const { runId } = supervisor.start(program, { seed: 1, strategy: "fifo" });
    workers[0]!.events.message({ type: "batch", events: events.slice(0, 4) });
    const stopped = supervisor.stop(runId);
    vi.advanceTimersByTime(299);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await stopped;
    expect(workers[0]!.terminated).toBe(true);
    expect(endings[0]).toMatchObject({ outcome: "stopped", cutOff: true, eventCount: 4 });
  });

  it("a program that hangs while it loads is stopped after the limit plus time to start up", () => {
    const { supervisor, endings } = supervised({ wallGraceMs: 100, startupMs: 5000 });
    supervisor.start(program, { seed: 1, strategy: "fifo", wallTimeMs: 1000 });
    vi.advanceTimersByTime(6099);
    expect(endings).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(endings[0]).toMatchObject({ outcome: "stopped", cutOff: true });
  });

  it("the wall-clock limit counts from when the program started running", () => {
    const { supervisor, workers, endings } = supervised({ wallGraceMs: 100 });
    supervisor.start(program, { seed: 1, strategy: "fifo", wallTimeMs: 1000 });
    vi.advanceTimersByTime(500); // the worker is still starting up
    workers[0]!.events.message({ type: "running" });
    vi.advanceTimersByTime(1099);
    expect(endings).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(endings[0]).toMatchObject({
      outcome: "stopped",
      cutOff: true,
      message: expect.stringMatching(/wall-clock limit of 1000 ms/) as string,
    });
  });

  it("starting a run ends the one still going", () => {
    const { supervisor, workers, endings } = supervised();
    const first = supervisor.start(program, { seed: 1, strategy: "fifo" });
    const second = supervisor.start(program, { seed: 1, strategy: "fifo" });
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(workers[0]!.terminated).toBe(true);
    expect(endings).toEqual([expect.objectContaining({ runId: first.runId, outcome: "stopped", cutOff: true })]);
    expect(supervisor.currentRunId).toBe(second.runId);
  });

  it("a worker that crashes ends the run as failed, keeping what arrived", () => {
    const { supervisor, workers, endings } = supervised();
    supervisor.start(program, { seed: 1, strategy: "fifo" });
    workers[0]!.events.message({ type: "batch", events: events.slice(0, 2) });
    workers[0]!.events.crashed("out of memory");
    expect(endings[0]).toMatchObject({
      outcome: "failed",
      cutOff: true,
      eventCount: 2,
      message: expect.stringMatching(/out of memory/) as string,
    });
  });

  it("a program that does not load ends as failed with its problem", () => {
    const { supervisor, workers, endings } = supervised();
    supervisor.start(program, { seed: 1, strategy: "fifo" });
    const problem = { file: "p.ts", line: 3, column: 5, message: "syntax error: Unexpected token" };
    workers[0]!.events.message({ type: "failed", message: "p.ts:3:5: syntax error", problem });
    expect(endings[0]).toMatchObject({ outcome: "failed", cutOff: false, problem });
  });

  it("messages after the end are ignored, and stopping an ended run resolves at once", async () => {
    const { supervisor, workers, batches, endings } = supervised();
    const { runId } = supervisor.start(program, { seed: 1, strategy: "fifo" });
    workers[0]!.events.message({ type: "ended", status: "ok", message: "main returned", limit: undefined, eventCount: 0 });
    workers[0]!.events.message({ type: "batch", events });
    await supervisor.stop(runId);
    expect(batches).toEqual([]);
    expect(endings).toHaveLength(1);
  });
});
