import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RunBatch, RunEnded, RunSettings } from "../../contract/hostApi";
import type { TraceEvent } from "../../../traces/events";
import { RunSupervisor } from "../../core/runSupervisor";
import type { ProgramSource } from "../../core/traceHeader";
import { RUNAWAY_PROGRAM } from "../../testing/programs";
import { typeScriptRunWorkers } from "../../testing/testWorkers";

const FIFO: RunSettings = { seed: 1, strategy: "fifo" };

function supervised(options: { stopGraceMs?: number; wallGraceMs?: number; heapMb?: number } = {}) {
  const batches: RunBatch[] = [];
  const endings: RunEnded[] = [];
  let onEnd: (() => void) | undefined;
  const supervisor = new RunSupervisor(
    typeScriptRunWorkers(options.heapMb),
    {
      batch: (b) => batches.push(b),
      ended: (e) => {
        endings.push(e);
        onEnd?.();
      },
    },
    options,
  );
  const ended = () =>
    new Promise<RunEnded>((resolve) => {
      if (endings.length > 0) resolve(endings[0]!);
      else onEnd = () => resolve(endings[0]!);
    });
  const events = (): TraceEvent[] => batches.flatMap((b) => b.events);
  return { supervisor, batches, ended, events };
}

const workerPool: ProgramSource = {
  name: "Worker pool",
  id: "worker-pool",
  file: "samples/worker-pool.ts",
  source: readFileSync(new URL("../../../samples/worker-pool.ts", import.meta.url), "utf8"),
};

const runaway: ProgramSource = { name: "spin.ts", id: "spin.ts", file: "spin.ts", source: RUNAWAY_PROGRAM };

async function poll(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("running programs in Node worker threads", () => {
  it("a sample runs in a worker and its events arrive in order, ending with the end event", async () => {
    const { supervisor, ended, events } = supervised();
    const started = supervisor.start(workerPool, FIFO);
    expect(started.header.program).toMatchObject({ id: "worker-pool", name: "Worker pool" });
    const end = await ended();
    expect(end).toMatchObject({ runId: started.runId, outcome: "ok", cutOff: false });
    const all = events();
    expect(all.length).toBe(end.eventCount);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i));
    expect(all.at(-1)?.kind).toBe("end");
    expect(all.some((e) => e.loc?.startsWith("samples/worker-pool.ts:"))).toBe(true);
  });

  it("stopping a goroutine stuck in while (true) {} terminates its worker and keeps the events received", async () => {
    const { supervisor, ended, events } = supervised({ stopGraceMs: 200 });
    const { runId } = supervisor.start(runaway, { ...FIFO, realTime: true });
    // Stop once the receive has arrived and the program's 100 ms sleep is
    // surely over, so it spins; not after a fixed time, which a busy machine
    // can spend before the receive is even delivered.
    await poll(() => events().some((e) => e.kind === "recv"));
    await new Promise((r) => setTimeout(r, 400));
    await supervisor.stop(runId);
    const end = await ended();
    expect(end).toMatchObject({ runId, outcome: "stopped", cutOff: true });
    expect(end.eventCount).toBe(events().length);
    expect(events().some((e) => e.kind === "recv")).toBe(true);
    expect(events().some((e) => e.kind === "end")).toBe(false);
  });

  it("the wall-clock limit terminates a runaway program the same way", async () => {
    const { supervisor, ended, events } = supervised({ wallGraceMs: 100 });
    supervisor.start(runaway, { ...FIFO, realTime: true, wallTimeMs: 300 });
    const end = await ended();
    expect(end.outcome).toBe("stopped");
    expect(end.cutOff).toBe(true);
    expect(end.message).toMatch(/wall-clock limit of 300 ms/);
    expect(events().length).toBeGreaterThan(0);
  });

  it("a program that does not load fails with the file, line and message", async () => {
    const { supervisor, ended } = supervised();
    supervisor.start({ name: "bad.ts", id: "bad.ts", file: "bad.ts", source: "export default function main() {\n  let x = ;\n}\n" }, FIFO);
    const end = await ended();
    expect(end.outcome).toBe("failed");
    expect(end.problem).toMatchObject({ file: "bad.ts", line: 2 });
    expect(end.problem?.message).toMatch(/syntax error/);
  });

  it.each([
    ["while calling the runtime", "keep.push(new Array(100_000).fill(i)); await sleep(0);"],
    ["without calling the runtime", "keep.push(new Array(100_000).fill(i));"],
  ])("a program that allocates without end %s ends its own run at its heap limit, keeping its events", async (_how, body) => {
    const hog: ProgramSource = {
      name: "hog.ts",
      id: "hog.ts",
      file: "hog.ts",
      source: `import { go, sleep } from "chanscope";
export default async function main(): Promise<void> {
  go(async () => {}, "helper");
  await sleep(1);
  const keep: number[][] = [];
  for (let i = 0; ; i++) {
    ${body}
  }
}
`,
    };
    const rssBefore = process.memoryUsage().rss;
    const { supervisor, ended, events } = supervised({ heapMb: 64 });
    supervisor.start(hog, { ...FIFO, wallTimeMs: 120_000 });
    const end = await ended();
    expect(end).toMatchObject({ outcome: "stopped", cutOff: true, eventCount: events().length });
    expect(end.message).toBe(
      "stopped: the program used up its memory limit of 64 MB, so its worker was ended; the events recorded until then are kept",
    );
    // Everything up to main's sleep arrived: the spawn, the helper's run and exit, main's wake-up.
    expect(events().some((e) => e.kind === "spawn" && e.g === 1)).toBe(true);
    expect(events().filter((e) => e.kind === "run" && e.g === 1).length).toBeGreaterThanOrEqual(2);
    // The host's process stays far from the gigabytes the program asked for (loose: other tests share it).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(1024 * 1024 * 1024);
  });
});
