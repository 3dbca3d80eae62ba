// The CLI as a process: what only shows with real pipes, FIFOs and heap limits.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticTrace } from "../../traces/testing/syntheticTrace";
import { writeTraceFileAtomic } from "../node/files/traceFile";

const BIN = join(__dirname, "bin.mjs");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chanscope-bin-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Ended {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function chanscope(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Ended> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, cwd: dir });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("chanscope as a process", () => {
  it("validates a 400k-event trace in a 48 MB heap: events are counted, not kept", async () => {
    const trace = syntheticTrace(400_000);
    await writeTraceFileAtomic(join(dir, "big.jsonl"), trace.header, trace.events);
    const r = await chanscope(["validate", "big.jsonl"], { NODE_OPTIONS: "--max-old-space-size=48" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^big\.jsonl: valid trace of \d+ events\n$/);
    expect(r.code).toBe(0);
  }, 60_000);

  it("ends quietly when its reader closes the pipe early", async () => {
    const trace = join(__dirname, "../../traces/examples/deadlock-circular.trace.jsonl");
    const r = await new Promise<Ended>((done, fail) => {
      const child = spawn(process.execPath, [BIN, "explain", trace], { cwd: dir });
      child.stdout.destroy(); // like `| head -0`: nobody reads what it prints
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout: "", stderr }));
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }, 30_000);
});
