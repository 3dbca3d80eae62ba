// The samples' Go originals beside real Go: each samples/go/<id>.go is built
// and run with the installed Go, and what it prints and how it ends must be
// what expected.json says — the reference the Go front end is held to (issue
// 20). Go is a test oracle only: without a `go` command the runs are skipped,
// except in CI, where .ci/run installs it. RECORD=1 rewrites expected.json.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SAMPLES, type SampleEnding } from "../catalog/catalog";

const hasGo = spawnSync("go", ["version"]).status === 0;
if (!hasGo && process.env["CI"] !== undefined) throw new Error("CI needs Go for samples/go/goOriginals.test.ts: apt-get install golang-go");

const RECORD = process.env["RECORD"] === "1";
const here = import.meta.dirname;
const samplesDir = join(here, "..");
const expectedFile = join(here, "expected.json");
const ids = SAMPLES.map((s) => s.id);

const DEADLOCK = "fatal error: all goroutines are asleep - deadlock!";
/** Two programs at a time: the machine has two cores, and Go's sleeps are wall-clock time. */
const POOL = 2;
/** A run that differs from its expectation is tried this many times in all before it fails (below). */
const ATTEMPTS = 3;

/** What a run of a Go program showed: what it printed and how it ended. */
interface GoEnding {
  readonly stdout: string;
  readonly exitCode: number;
  /** The first line written to stderr ("panic: …", "fatal error: …"), or "". */
  readonly stderrFirstLine: string;
  /** Each `goroutine N [reason]:` of a crash's dump, in the order printed. */
  readonly goroutineReasons: readonly string[];
}

/**
 * A sample's entry in expected.json. A deterministic one is what every run
 * prints and how it ends. A non-deterministic one (its ending depends on
 * Go's schedule) states the lines a run may print, and the ending of the
 * schedule the catalog describes; runs are held only to the lines.
 */
type Expectation = GoEnding & ({ readonly deterministic: true } | { readonly deterministic: false; readonly reason: string });

function expectationOf(id: string, v: unknown): Expectation {
  const bad = (what: string): never => {
    throw new Error(`expected.json: ${id}: ${what}`);
  };
  if (typeof v !== "object" || v === null) return bad("not an object");
  const e = v as Record<string, unknown>;
  if (typeof e["stdout"] !== "string") bad("stdout is not a string");
  if (typeof e["exitCode"] !== "number") bad("exitCode is not a number");
  if (typeof e["stderrFirstLine"] !== "string") bad("stderrFirstLine is not a string");
  const reasons = e["goroutineReasons"];
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === "string")) bad("goroutineReasons is not a list of strings");
  if (e["deterministic"] === false && typeof e["reason"] !== "string") bad("a non-deterministic entry needs a reason");
  if (typeof e["deterministic"] !== "boolean") bad("deterministic is not true or false");
  return v as Expectation;
}

function readExpected(): ReadonlyMap<string, Expectation> {
  if (RECORD && !existsSync(expectedFile)) return new Map();
  const json = JSON.parse(readFileSync(expectedFile, "utf8")) as Record<string, unknown>;
  return new Map(Object.entries(json).map(([id, v]) => [id, expectationOf(id, v)]));
}

const expected = readExpected();

/** The part of an expectation a run is compared with. */
function endingPart(e: GoEnding): GoEnding {
  return { stdout: e.stdout, exitCode: e.exitCode, stderrFirstLine: e.stderrFirstLine, goroutineReasons: e.goroutineReasons };
}

function sameEnding(a: GoEnding, b: GoEnding): boolean {
  return JSON.stringify(endingPart(a)) === JSON.stringify(endingPart(b));
}

function lines(text: string): string[] {
  return text.split("\n").filter((l) => l !== "");
}

// ---- The static checks: no Go needed. ----

/** The source text of the last argument of the call whose "(" is at `open`. */
function lastArgument(src: string, open: number): string {
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      i = src.indexOf(c, i + 1); // the samples' strings hold no escaped quotes
    } else if (c === "/" && src[i + 1] === "/") {
      i = src.indexOf("\n", i);
    } else if (c === "(" || c === "{" || c === "[") {
      depth++;
    } else if (c === ")" || c === "}" || c === "]") {
      depth--;
      if (depth === 0) return src.slice(start, i).trim();
    } else if (c === "," && depth === 1) {
      start = i + 1;
    }
  }
  throw new Error(`no closing parenthesis for the call at ${open}`);
}

/** `worker ${i + 1}` and `worker {i+1}` alike become "worker {i+1}": a name with its holes. */
function withHoles(text: string, hole: RegExp): string {
  return text.replace(hole, (_, e: string) => `{${e.replace(/\s+/g, "")}}`);
}

/** The names a TypeScript sample gives its goroutines, `go(fn, name)`, sorted. */
function tsGoroutineNames(src: string): string[] {
  return [...src.matchAll(/\bgo\(/g)]
    .map((m) => {
      const name = lastArgument(src, m.index + m[0].length - 1);
      if (/^"[^"]*"$/.test(name)) return name.slice(1, -1);
      if (/^`[^`]*`$/.test(name)) return withHoles(name.slice(1, -1), /\$\{([^}]*)\}/g);
      return `{${name}}`; // a variable holding the name
    })
    .sort();
}

/** The names a Go original gives its goroutines, `go f() // goroutine "name"`, sorted; undefined for a `go` without one. */
function goGoroutineNames(src: string): (string | undefined)[] {
  return src
    .split("\n")
    .filter((l) => /^\s*go\s/.test(l))
    .map((l) => {
      const m = /\/\/ goroutine "([^"]*)"$/.exec(l);
      return m === null ? undefined : withHoles(m[1]!, /\{([^}]*)\}/g);
    })
    .sort();
}

function goSource(id: string): string {
  return readFileSync(join(here, `${id}.go`), "utf8");
}

describe("the samples' Go originals", () => {
  it("are one per sample of the catalog, each with an entry in expected.json", () => {
    const originals = readdirSync(here)
      .filter((f) => f.endsWith(".go"))
      .map((f) => f.slice(0, -".go".length));
    expect(originals.sort()).toEqual([...ids].sort());
    expect([...expected.keys()].sort()).toEqual([...ids].sort());
  });

  it.each(SAMPLES)("$id: expected.json ends as the catalog says ($ending)", (meta) => {
    const e = expected.get(meta.id);
    expect(e).toBeDefined();
    if (e !== undefined) expect(goEnding(e)).toBe(goEndingFor(meta.ending));
  });

  it.each(ids)("%s: names the same goroutines as the TypeScript sample", (id) => {
    const ts = readFileSync(join(samplesDir, `${id}.ts`), "utf8");
    expect(goGoroutineNames(goSource(id))).toEqual(tsGoroutineNames(ts));
  });
});

type GoEndingKind = "exit 0" | "deadlock" | "panic";

/** How Go ends a program whose sample ends this way: main returning ends it, whatever still runs or waits. */
function goEndingFor(ending: SampleEnding): GoEndingKind {
  switch (ending) {
    case "ok":
    case "leak":
    case "unfinished":
      return "exit 0";
    case "deadlock":
      return "deadlock";
    case "panic":
      return "panic";
  }
}

function goEnding(e: GoEnding): GoEndingKind | "something else" {
  if (e.exitCode === 0 && e.stderrFirstLine === "") return "exit 0";
  if (e.exitCode === 2 && e.stderrFirstLine === DEADLOCK) return "deadlock";
  if (e.exitCode === 2 && e.stderrFirstLine.startsWith("panic: ")) return "panic";
  return "something else";
}

// ---- The runs with real Go. ----

interface Exit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; a run past 20 s is killed (exit code -1). */
function exec(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, timeout: 20_000, killSignal: "SIGKILL" });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs work on every item, `size` at a time; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return results;
}

// A machine without a home (some CI runners) still gets a build cache; the
// same folders as runtime/goParity.test.ts, so the two share a warm cache.
const GO_ENV = {
  ...process.env,
  GOCACHE: process.env["GOCACHE"] ?? join(tmpdir(), "chanscope-go-cache"),
  GOPATH: process.env["GOPATH"] ?? join(tmpdir(), "chanscope-gopath"),
};
// Go's own default, whatever the shell says: a panic dumps only its goroutine.
const RUN_ENV = { ...process.env, GOTRACEBACK: "single" };

const bin = hasGo ? mkdtempSync(join(tmpdir(), "chanscope-gosamples-")) : "";
afterAll(() => {
  if (bin !== "") rmSync(bin, { recursive: true, force: true });
});

type Built = { readonly ok: true; readonly exe: string } | { readonly ok: false; readonly error: string };

async function build(id: string): Promise<Built> {
  const exe = join(bin, id);
  const x = await exec("go", ["build", "-o", exe, join(here, `${id}.go`)], GO_ENV);
  return x.code === 0 ? { ok: true, exe } : { ok: false, error: x.stderr };
}

async function runOnce(exe: string): Promise<GoEnding> {
  const x = await exec(exe, [], RUN_ENV);
  return {
    stdout: x.stdout,
    exitCode: x.code,
    stderrFirstLine: x.stderr.split("\n")[0] ?? "",
    goroutineReasons: [...x.stderr.matchAll(/^goroutine \d+ \[([^\]]+)\]:$/gm)].map((m) => m[1]!),
  };
}

/**
 * Runs a deterministic sample until it ends as expected, at most ATTEMPTS
 * times. The samples' events are 5 ms or more apart, which real Go keeps on a
 * quiet machine; on a busy one a sleeping goroutine can wake late and swap two
 * prints, so one differing run is not yet a failure. Non-deterministic samples
 * run once.
 */
async function run(exe: string, e: Expectation | undefined): Promise<GoEnding> {
  let ending = await runOnce(exe);
  for (let attempt = 1; attempt < ATTEMPTS && e?.deterministic === true && !sameEnding(ending, e); attempt++) {
    ending = await runOnce(exe);
  }
  return ending;
}

type Outcome = { readonly built: false; readonly error: string } | { readonly built: true; readonly ending: GoEnding };

/** Builds every original, then runs them: building and running at once would slow the runs' clocks. */
async function buildAndRunAll(): Promise<ReadonlyMap<string, Outcome>> {
  const built = await inPool(ids, POOL, build);
  const outcomes = await inPool(ids, POOL, async (id, i): Promise<Outcome> => {
    const b = built[i]!;
    // A recording holds a run to nothing: it is what sets the expectation.
    return b.ok ? { built: true, ending: await run(b.exe, RECORD ? undefined : expected.get(id)) } : { built: false, error: b.error };
  });
  return new Map(ids.map((id, i) => [id, outcomes[i]!]));
}

let all: Promise<ReadonlyMap<string, Outcome>> | undefined;
async function outcomeOf(id: string): Promise<Outcome> {
  all ??= buildAndRunAll();
  const o = (await all).get(id);
  if (o === undefined) throw new Error(`no outcome for ${id}`);
  return o;
}

describe.runIf(hasGo && !RECORD)("the samples' Go originals beside real Go", () => {
  it.each(ids)("%s: prints and ends as expected.json says", { timeout: 60_000 }, async (id) => {
    const o = await outcomeOf(id);
    if (!o.built) throw new Error(`go build ${id}.go failed:\n${o.error}`);
    const e = expected.get(id);
    if (e === undefined) throw new Error(`expected.json has no entry for ${id}`);
    if (e.deterministic) {
      expect(endingPart(o.ending)).toEqual(endingPart(e));
    } else {
      // Only what it may print: which of its endings a run reaches is Go's schedule's choice.
      const allowed = new Set(lines(e.stdout));
      expect(lines(o.ending.stdout).filter((l) => !allowed.has(l))).toEqual([]);
      expect([0, 2]).toContain(o.ending.exitCode);
    }
  });
});

describe.runIf(hasGo && RECORD)("recording the samples' Go originals", () => {
  it("rewrites expected.json from two runs of each that agree", { timeout: 120_000 }, async () => {
    const recorded: Record<string, Expectation> = {};
    const disagreeing: string[] = [];
    for (const id of ids) {
      const o = await outcomeOf(id);
      if (!o.built) throw new Error(`go build ${id}.go failed:\n${o.error}`);
      const old = expected.get(id);
      // A non-deterministic entry is written by hand: one run shows only one of its endings.
      if (old?.deterministic === false) {
        recorded[id] = old;
        continue;
      }
      const again = await runOnce(join(bin, id));
      if (!sameEnding(o.ending, again)) disagreeing.push(id);
      recorded[id] = { ...endingPart(o.ending), deterministic: true };
    }
    expect(disagreeing, "these printed or ended differently on two runs: is the machine busy, or are they not deterministic?").toEqual([]);
    writeFileSync(expectedFile, `${JSON.stringify(recorded, null, 2)}\n`);
  });
});
