import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withRecent } from "../../core/recentList";
import { RECENT_FILES_NAME, RecentFiles } from "./recentFiles";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-recent-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("recent files", () => {
  it("lists the newest first and each path once", () => {
    const a = { path: "/a.trace.jsonl", name: "a.trace.jsonl", kind: "trace" as const };
    const b = { path: "/b.ts", name: "b.ts", kind: "program" as const };
    expect(withRecent(withRecent(withRecent([], a), b), a)).toEqual([a, b]);
  });

  it("keeps at most the limit", () => {
    let list = withRecent([], { path: "/0", name: "0", kind: "trace" }, 3);
    for (let i = 1; i < 6; i++) list = withRecent(list, { path: `/${i}`, name: `${i}`, kind: "trace" }, 3);
    expect(list.map((f) => f.path)).toEqual(["/5", "/4", "/3"]);
  });

  it("survives a restart: the list is read back from the store", async () => {
    await new RecentFiles(dir).add("/x/run.trace.jsonl", "trace");
    await new RecentFiles(dir).add("/x/prog.ts", "program");
    const again = new RecentFiles(dir);
    expect(await again.list()).toEqual([
      { path: "/x/prog.ts", name: "prog.ts", kind: "program" },
      { path: "/x/run.trace.jsonl", name: "run.trace.jsonl", kind: "trace" },
    ]);
    expect(await again.has("/x/prog.ts")).toBe(true);
    expect((JSON.parse(await readFile(join(dir, RECENT_FILES_NAME), "utf8")) as { version: unknown }).version).toBe(1);
  });

  it("a damaged store reads as an empty list and is replaced on the next add", async () => {
    await writeFile(join(dir, RECENT_FILES_NAME), "{ not json");
    const recent = new RecentFiles(dir);
    expect(await recent.list()).toEqual([]);
    await recent.add("/y.trace.jsonl", "trace");
    expect(await new RecentFiles(dir).list()).toHaveLength(1);
  });

  it("drops malformed entries but keeps the good ones", async () => {
    await writeFile(
      join(dir, RECENT_FILES_NAME),
      JSON.stringify({ files: [{ path: "/ok.ts", kind: "program" }, { path: 3 }, { path: "/z", kind: "movie" }, null] }),
    );
    expect(await new RecentFiles(dir).list()).toEqual([{ path: "/ok.ts", name: "ok.ts", kind: "program" }]);
  });
});
