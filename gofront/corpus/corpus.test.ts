// The Go front end's differential corpus (issue 20): every program's
// `.expected.json` must be what real Go 1.19 prints and how it ends, today,
// on two runs alike. `RECORD=1` rewrites the files instead of comparing.
// Go is a test oracle only: without a `go` command the Go suite is skipped,
// except in CI, where .ci/run installs Debian's golang-go and it must run.
// The go122/ programs use features newer than Go 1.19 (range over int,
// per-iteration loop variables, min/max, clear): their expectations are
// written by hand ("source": "manual") and only their shape is checked here.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Expectation, Recording } from "./record";
import {
  CORPUS_DIR,
  GO_ENV,
  RECORDED_GO,
  categories,
  goVersion,
  listExpectedIds,
  listPrograms,
  readExpectation,
  recordAll,
  writeExpectation,
} from "./record";

const CI = process.env["CI"] !== undefined;
const RECORD = process.env["RECORD"] === "1";

const version = goVersion();
if (version === undefined && CI) throw new Error("CI needs Go for gofront/corpus/corpus.test.ts: apt-get install golang-go");
// Other releases word some endings differently (Go 1.20 names a mutex wait
// `sync.Mutex.Lock`, not `semacquire`), so only Go 1.19 may judge the files.
const sameGo = version !== undefined && (version === RECORDED_GO || version.startsWith(`${RECORDED_GO}.`));
if (version !== undefined && !sameGo && (CI || RECORD)) {
  throw new Error(`gofront/corpus was recorded with ${RECORDED_GO}; this machine has ${version}`);
}

/** The least number of programs each category holds (the corpus's brief). */
const MINIMUM: Readonly<Record<string, number>> = {
  basics: 12,
  fmt: 8,
  channels: 14,
  select: 8,
  sync: 8,
  context: 5,
  time: 6,
  panics: 12,
  deadlocks: 6,
  exits: 3,
  go122: 4,
};

const programs = listPrograms();
const manual = programs.filter((p) => p.category === "go122");
const fromGo = programs.filter((p) => p.category !== "go122");

// Runs first, so that RECORD=1 writes a new program's file before the checks
// below look for it.
describe.runIf(sameGo)(`the corpus beside real Go (${version ?? "absent"})`, () => {
  const bin = sameGo ? mkdtempSync(join(tmpdir(), "chanscope-gocorpus-")) : "";
  const recordings = new Map<string, Recording | Error>();

  beforeAll(async () => {
    const results = await recordAll(fromGo, bin);
    fromGo.forEach((p, i) => recordings.set(p.id, results[i] as Recording | Error));
  }, 300_000);

  afterAll(() => {
    if (bin !== "") rmSync(bin, { recursive: true, force: true });
  });

  it("has every program formatted by gofmt (which also parses the go122 ones)", () => {
    const r = spawnSync("gofmt", ["-l", CORPUS_DIR], { encoding: "utf8", env: GO_ENV });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
  });

  for (const p of fromGo) {
    it(`${p.id}: prints and ends as Go does, the same on a second run`, () => {
      const r = recordings.get(p.id);
      if (r === undefined) throw new Error(`${p.id} was not run`);
      if (r instanceof Error) throw r;
      expect(r.second, "the second run").toEqual(r.first);
      if (RECORD) {
        writeExpectation(p.expectedFile, r.first);
        return;
      }
      expect(r.first).toEqual(readExpectation(p.expectedFile));
    });
  }
});

function isExpectation(v: unknown): v is Expectation {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    Object.keys(e).join() === "stdout,exitCode,stderrFirstLine,goroutineReasons,source" &&
    typeof e["stdout"] === "string" &&
    Number.isInteger(e["exitCode"]) &&
    typeof e["stderrFirstLine"] === "string" &&
    !e["stderrFirstLine"].includes("\n") &&
    Array.isArray(e["goroutineReasons"]) &&
    e["goroutineReasons"].every((x) => typeof x === "string") &&
    (e["source"] === "go1.19" || e["source"] === "manual")
  );
}

describe("the corpus", () => {
  it("holds at least 80 programs, and each category its minimum", () => {
    expect(programs.length).toBeGreaterThanOrEqual(80);
    expect(categories()).toEqual(Object.keys(MINIMUM).sort());
    for (const [category, least] of Object.entries(MINIMUM)) {
      expect(programs.filter((p) => p.category === category).length, category).toBeGreaterThanOrEqual(least);
    }
  });

  it("pairs every program with an expected.json and every expected.json with a program", () => {
    expect(listExpectedIds()).toEqual(programs.map((p) => p.id));
  });

  it("has complete package main programs of 10 to 80 lines, each opening with a comment saying what it checks", () => {
    for (const p of programs) {
      const lines = readFileSync(p.goFile, "utf8").replace(/\n$/, "").split("\n");
      expect(lines[0], p.id).toMatch(/^\/\/ Checks \S/);
      expect(
        lines.find((l) => !l.startsWith("//")),
        p.id,
      ).toBe("package main");
      expect(
        lines.some((l) => /^func main\(\) \{$/.test(l)),
        p.id,
      ).toBe(true);
      expect(lines.length, p.id).toBeGreaterThanOrEqual(10);
      expect(lines.length, p.id).toBeLessThanOrEqual(80);
    }
  });

  it("has well-formed expectations: recorded by Go 1.19 except go122's, which are written by hand", () => {
    for (const p of programs) {
      const e: unknown = readExpectation(p.expectedFile);
      expect(isExpectation(e), p.id).toBe(true);
      expect((e as Expectation).source, p.id).toBe(p.category === "go122" ? "manual" : "go1.19");
    }
  });

  it("ends each program as its category says: panics and deadlocks with status 2, the rest as they chose", () => {
    for (const p of programs) {
      const e = readExpectation(p.expectedFile);
      if (e === undefined) continue;
      const fatal = e.stderrFirstLine.startsWith("fatal error: ");
      expect(fatal, p.id).toBe(e.goroutineReasons.length > 0);
      if (p.category === "deadlocks") {
        expect([e.exitCode, e.stderrFirstLine], p.id).toEqual([2, "fatal error: all goroutines are asleep - deadlock!"]);
      }
      if (p.category === "panics" && e.exitCode !== 0) {
        expect(e.exitCode, p.id).toBe(2);
        expect(e.stderrFirstLine, p.id).toMatch(/^(panic|fatal error): /);
      }
      if (!["panics", "deadlocks", "exits"].includes(p.category)) {
        expect([e.exitCode, e.stderrFirstLine], p.id).toEqual([0, ""]);
      }
    }
  });

  it("keeps the go122 expectations by hand, so no Go 1.19 run may overwrite them", () => {
    expect(manual.length).toBeGreaterThanOrEqual(4);
    for (const p of manual) expect(fromGo).not.toContain(p);
  });
});
