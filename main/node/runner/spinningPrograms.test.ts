import { describe, expect, it } from "vitest";
import type { RunBatch, RunEnded, RunSettings } from "../../contract/hostApi";
import type { TraceEvent } from "../../../traces/events";
import { RunSupervisor } from "../../core/runSupervisor";
import type { ProgramSource } from "../../core/traceHeader";
import { SPIN_AT_ONCE_PROGRAM } from "../../testing/programs";
import { typeScriptRunWorkers } from "../../testing/testWorkers";

const program: ProgramSource = { name: "spin.ts", id: "spin.ts", file: "spin.ts", source: SPIN_AT_ONCE_PROGRAM };
const VIRTUAL: RunSettings = { seed: 1, strategy: "fifo" };

function supervised(options: { stopGraceMs?: number; wallGraceMs?: number } = {}) {
  const batches: RunBatch[] = [];
  let resolveEnd: (e: RunEnded) => void = () => {};
  const ended = new Promise<RunEnded>((resolve) => (resolveEnd = resolve));
  const supervisor = new RunSupervisor(typeScriptRunWorkers(), { batch: (b) => batches.push(b), ended: (e) => resolveEnd(e) }, options);
  const events = (): TraceEvent[] => batches.flatMap((b) => b.events);
  return { supervisor, ended, events };
}

/** What the program records before its loop: up to main's run after the sleep. */
function expectEverythingBeforeTheSpin(events: readonly TraceEvent[], end: RunEnded): void {
  expect(end.eventCount).toBe(events.length);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  const kinds = events.map((e) => e.kind);
  expect(kinds).toContain("send");
  expect(kinds).toContain("recv");
  expect(kinds).toContain("timer");
  // The last thing recorded: main resumed after its sleep, at 100 ms of virtual time.
  expect(events.at(-1)).toMatchObject({ kind: "run", g: 1, t: 100_000_000 });
}

describe("a program that spins without calling the runtime", () => {
  it("stopped, it keeps every event recorded before the spin", async () => {
    const { supervisor, ended, events } = supervised({ stopGraceMs: 200 });
    const { runId } = supervisor.start(program, VIRTUAL);
    // Long enough for the worker to start and reach the loop on a busy machine.
    await new Promise((r) => setTimeout(r, 1500));
    await supervisor.stop(runId);
    const end = await ended;
    expect(end).toMatchObject({ outcome: "stopped", cutOff: true });
    expectEverythingBeforeTheSpin(events(), end);
  });

  it("at the wall-clock limit, it keeps every event recorded before the spin", async () => {
    const { supervisor, ended, events } = supervised({ wallGraceMs: 100 });
    supervisor.start(program, { ...VIRTUAL, wallTimeMs: 300 });
    const end = await ended;
    expect(end).toMatchObject({ outcome: "stopped", cutOff: true });
    expect(end.message).toMatch(/wall-clock limit of 300 ms/);
    expectEverythingBeforeTheSpin(events(), end);
  });
});
