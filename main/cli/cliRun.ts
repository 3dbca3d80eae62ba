// `chanscope run`'s run: the program in a worker thread, as the desktop runs
// it, so a goroutine that never calls the runtime is stopped at the wall-clock
// limit and a program that uses up its heap ends its run, not the CLI. The
// trace is written as the events come, to OUT.partial, and renamed to OUT when
// the run ends: a run killed midway leaves OUT.partial holding every batch
// received (the reader opens it as cut off), and the OUT of an earlier run is
// only replaced by a finished one.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import type { TraceEvent, TraceHeader } from "../../traces/events";
import { TraceWriter } from "../../traces/format";
import type { RunEnded, RunSettings } from "../contract/hostApi";
import { RunSupervisor, type RunWorkerFactory } from "../core/runSupervisor";
import type { ProgramSource } from "../core/traceHeader";
import { typeScriptRunWorkers } from "../node/runner/tsxWorker";

export interface CliRun {
  readonly header: TraceHeader;
  readonly ended: RunEnded;
  readonly events: readonly TraceEvent[];
  /** Bytes written to the trace file; 0 when the program never started (nothing is written then). */
  readonly bytes: number;
}

/** Where the trace grows while the run goes on. */
export const partialPath = (out: string): string => `${out}.partial`;

export function runToFile(
  program: ProgramSource,
  settings: RunSettings,
  out: string,
  createWorker: RunWorkerFactory = typeScriptRunWorkers(),
): Promise<CliRun> {
  const partial = partialPath(out);
  const events: TraceEvent[] = [];
  let fd: number | undefined;
  let writer: TraceWriter | undefined;
  let header: TraceHeader | undefined;
  let bytes = 0;
  return new Promise<CliRun>((resolve, reject) => {
    const supervisor = new RunSupervisor(createWorker, {
      started: (_runId, h) => {
        header = h;
        try {
          fd = openSync(partial, "w", 0o644);
          const file = fd;
          // Written synchronously, batch by batch: a kill between two leaves whole lines.
          writer = new TraceWriter(h, (text) => (bytes += writeSync(file, text)), { batchChars: Number.POSITIVE_INFINITY });
          writer.flush();
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      },
      batch: (b) => {
        for (const e of b.events) events.push(e);
        writer?.events(b.events);
        writer?.flush();
      },
      ended: (ended) => {
        try {
          if (fd !== undefined) {
            fsyncSync(fd);
            closeSync(fd);
          }
          // A program that never started leaves no trace, as before it ran in a worker.
          if (ended.outcome === "failed" && events.length === 0) {
            unlinkSync(partial);
            bytes = 0;
          } else renameSync(partial, out);
          resolve({ header: header!, ended, events, bytes });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      },
    });
    supervisor.start(program, settings);
  });
}
