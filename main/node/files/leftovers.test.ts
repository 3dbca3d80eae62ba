import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeStaleSessions, removeStaleTemps, sessionDirPrefix, tempPathBeside } from "./leftovers";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-leftovers-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TRACE_FILE = resolve(import.meta.dirname, "traceFile.ts");
const TRACE_BUILDER = resolve(import.meta.dirname, "../../../traces/testing/traceBuilder.ts");

/** A save killed midway: a child process writes a trace that never ends, and is SIGKILLed once its temporary file exists. */
async function killedSave(target: string): Promise<number> {
  const script = `
import { writeTraceFileAtomic } from ${JSON.stringify(TRACE_FILE)};
import { fixtureHeader } from ${JSON.stringify(TRACE_BUILDER)};
setInterval(() => {}, 1000); // alive until killed
async function* events() {
  yield { seq: 0, t: 0, g: 0, kind: "spawn", child: 1, name: "main" };
  await new Promise(() => {});
}
await writeTraceFileAtomic(${JSON.stringify(target)}, fixtureHeader(), events());
`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let gone = false;
  child.on("exit", () => (gone = true));
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  for (;;) {
    if (gone) throw new Error(`the saving process ended by itself: ${stderr}`);
    const names = await readdir(dir);
    if (names.some((n) => n.endsWith(".tmp") && n.includes(`chanscope-${child.pid}-`))) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await exited;
  return child.pid as number;
}

describe("leftovers of a crash", () => {
  it("a save killed midway leaves its temporary file, which the next start removes, touching nothing else", async () => {
    const target = join(dir, "pool.trace.jsonl");
    await writeFile(target, "the user's old trace\n");
    await writeFile(join(dir, ".notes.tmp"), "not ours");
    const mine = tempPathBeside(join(dir, "live.trace.jsonl"));
    await writeFile(mine, "a save of this process, still going");
    const deadPid = await killedSave(target);

    const left = (await readdir(dir)).filter((n) => n.includes(`chanscope-${deadPid}-`));
    expect(left).toHaveLength(1);
    const removed = await removeStaleTemps([dir, dir]);
    expect(removed).toEqual([join(dir, left[0] as string)]);
    expect((await readdir(dir)).sort()).toEqual([".notes.tmp", mine.slice(dir.length + 1), "pool.trace.jsonl"].sort());
    expect(await readFile(target, "utf8")).toBe("the user's old trace\n");
  });

  it("keeps the temporary file of another chanscope still running", async () => {
    const other = join(dir, ".x.trace.jsonl.chanscope-4242-abc-0.tmp");
    await writeFile(other, "another window's save");
    expect(await removeStaleTemps([dir], (pid) => pid === 4242)).toEqual([]);
    expect(await removeStaleTemps([dir], () => false)).toEqual([other]);
  });

  it("removes the spill directories of dead processes, not this one's nor unrelated ones", async () => {
    const dead = join(dir, "chanscope-session-4242-AbC123");
    await mkdir(dead);
    await writeFile(join(dead, "run-1-0.trace.jsonl"), "{}\n");
    const ours = join(dir, `${sessionDirPrefix()}XyZ789`);
    await mkdir(ours);
    await mkdir(join(dir, "chanscope-session-notapid"));
    await mkdir(join(dir, "someone-else"));
    expect(await removeStaleSessions(dir, () => false)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual([ours.slice(dir.length + 1), "chanscope-session-notapid", "someone-else"].sort());
  });

  it("a missing directory has nothing to remove", async () => {
    expect(await removeStaleTemps([join(dir, "gone")])).toEqual([]);
    expect(await removeStaleSessions(join(dir, "gone"))).toEqual([]);
  });
});
