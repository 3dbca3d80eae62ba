// How golden traces are made: one fixed set of options, so a fresh run can be
// compared with the committed file byte for byte.
import type { ProgramRunOptions } from "../core/runProgram";

export const GOLDEN_OPTIONS: ProgramRunOptions = Object.freeze({
  seed: 1,
  strategy: "fifo",
  // Fixed so the header is byte-identical run after run.
  createdAt: "2026-01-01T00:00:00.000Z",
});

export function goldenPath(id: string): string {
  return `traces/examples/${id}.trace.jsonl`;
}
