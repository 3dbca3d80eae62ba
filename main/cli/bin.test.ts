// The CLI as a process: what only shows with real pipes, FIFOs and heap limits.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticTrace } from "../../traces/testing/syntheticTrace";
import { readTraceFile, writeTraceFileAtomic } from "../node/files/traceFile";
import { RUNAWAY_PROGRAM } from "../testing/programs";

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

  it("stops a program that never yields at --timeout, keeping its trace cut off", async () => {
    writeFileSync(join(dir, "spin.ts"), RUNAWAY_PROGRAM);
    const started = Date.now();
    const r = await chanscope(["run", "spin.ts", "--timeout", "1"]);
    // Loose: the limit is 1 s, plus the stop's grace and the worker's start.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^chanscope run: stopped: the wall-clock limit of 1000 ms was reached and the program never yielded/);
    const trace = await readTraceFile(join(dir, "spin.trace.jsonl"));
    expect(trace.ended).toBe(false);
    expect(trace.events.some((e) => e.kind === "recv")).toBe(true);
    expect(existsSync(join(dir, "spin.trace.jsonl.partial"))).toBe(false);
  }, 60_000);

  it("writes its trace as it goes: a run killed midway leaves FILE.partial, readable as a cut-off trace", async () => {
    writeFileSync(
      join(dir, "forever.ts"),
      `import { chan, go, sleep } from "chanscope";
export default async function main(): Promise<void> {
  const c = chan<number>(0, "ticks");
  go(async () => { for (let i = 0; ; i++) { await c.send(i); await sleep(1); } }, "ticker");
  for (;;) await c.recv();
}
`,
    );
    const partial = join(dir, "forever.trace.jsonl.partial");
    const child = spawn(process.execPath, [BIN, "run", "forever.ts", "--real-time", "--timeout", "120"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<void>((done) => child.on("exit", () => done()));
    // Until a few hundred events are in the file.
    for (;;) {
      const text = existsSync(partial) ? readFileSync(partial, "utf8") : "";
      if (text.split("\n").length > 300) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await exited;
    const trace = await readTraceFile(partial);
    expect(trace.ended).toBe(false);
    expect(trace.events.length).toBeGreaterThan(250);
    expect(trace.events.some((e) => e.kind === "send")).toBe(true);
    expect(existsSync(join(dir, "forever.trace.jsonl"))).toBe(false);
  }, 120_000);

  it("prints what the program prints, all of it, before the summary", async () => {
    writeFileSync(
      join(dir, "hello.ts"),
      `import { go, sleep } from "chanscope";
export default async function main(): Promise<void> {
  console.log("hello from main");
  go(async () => { console.log("hello from a goroutine"); });
  await sleep(1);
}
`,
    );
    const r = await chanscope(["run", "hello.ts"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hello from main\nhello from a goroutine\nprogram +hello\.ts — hello\n/);
  }, 60_000);

  it("runs a Go program: its stdout byte for byte on stdout, Go's ending and the summary on stderr", async () => {
    writeFileSync(
      join(dir, "prog.go"),
      `package main\n\nimport "fmt"\n\nfunc main() {\n\tch := make(chan int)\n\tfmt.Println("héllo")\n\tfmt.Print("no newline")\n\t<-ch\n}\n`,
    );
    const r = await chanscope(["run", "prog.go"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("héllo\nno newline");
    expect(r.stderr).toMatch(
      /^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[chan receive\]:\nmain\.main\(\)\n\tprog\.go:9\n\nprogram +prog\.go — prog\n/,
    );
  }, 60_000);
});
