import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecentFiles } from "../recent/recentFiles";
import { removeCrashLeftovers } from "./crashLeftovers";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-start-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the desktop's start after a crash", () => {
  it("removes the dead run's spill directory and the save temporaries beside its recent files", async () => {
    const temp = join(dir, "tmp");
    const docs = join(dir, "docs");
    await mkdir(temp);
    await mkdir(docs);
    await mkdir(join(temp, "chanscope-session-4242-abc"));
    await writeFile(join(docs, "pool.trace.jsonl"), "kept\n");
    await writeFile(join(docs, ".pool.trace.jsonl.chanscope-4242-m1-0.tmp"), "half a save");
    const recent = new RecentFiles(join(dir, "userData"));
    await recent.add(join(docs, "pool.trace.jsonl"), "trace");

    const removed = await removeCrashLeftovers({ tempDir: temp, recent, isAlive: () => false });
    expect([...removed].sort()).toEqual(
      [join(docs, ".pool.trace.jsonl.chanscope-4242-m1-0.tmp"), join(temp, "chanscope-session-4242-abc")].sort(),
    );
    expect(await readdir(docs)).toEqual(["pool.trace.jsonl"]);
    expect(await readdir(temp)).toEqual([]);
  });
});
