// The differential test of issue 20: every Go program of the corpus
// (gofront/corpus/**/*.go) and every sample's Go original (samples/go/*.go)
// compiled by gofront and run on chanscope's runtime must print what real Go
// printed and end as it ended — stdout exactly, Go's exit status, the first
// line of stderr, the dump's wait reasons — as their expectation files
// recorded (Go 1.19; go122/ by hand). No Go is needed here.
//
// Intended differences, made equal in asGo119 (chanscopeRun.ts): Go 1.19's
// `semacquire` for what chanscope calls sync.WaitGroup.Wait, sync.Mutex.Lock,
// sync.RWMutex.Lock and RLock (Go ≥ 1.20 names them too), and the heap
// address of a panic(struct) value, recorded as 0xADDRESS.
//
// KNOWN_FAILING lists the programs that do not pass yet. Each runs as a test
// that must fail: one that passes fails the suite until it leaves the list,
// so the list can only shrink. Empty is the goal.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { goCompiler, type GoCompiler } from "../compiler/compile";
import { nodeGoParser } from "../compiler/testing/nodeParser";
import { asGo119, runWithChanscope, type Observed } from "./chanscopeRun";
import { CORPUS_DIR, listPrograms, readExpectation } from "./record";

// What the front end still gets wrong: a uint64 beyond 2^53 (overflow), which
// chanscope's integers refuse rather than hold inexactly (gofront/README.md).
const KNOWN_FAILING: ReadonlySet<string> = new Set<string>(["basics/overflow"]);

const SAMPLES_GO = join(CORPUS_DIR, "..", "..", "samples", "go");

interface SampleExpectation extends Observed {
  readonly deterministic: boolean;
}

/**
 * Go's other ending of samples/go/lock-order-deadlock (its expected.json's
 * `reason`): the two transfers each hold one mutex and wait for the other's.
 */
const LOCK_ORDER_DEADLOCK: Observed = {
  stdout: "",
  exitCode: 2,
  stderrFirstLine: "fatal error: all goroutines are asleep - deadlock!",
  goroutineReasons: ["semacquire", "semacquire", "semacquire"],
};

interface Case {
  readonly id: string;
  readonly file: string;
  readonly path: string;
  /** Every ending Go may give (one, but for a non-deterministic sample). */
  readonly endings: readonly Observed[];
  /** The corpus's files keep wait reasons only for a fatal error; the samples' for a panic too. */
  readonly reasonsOnlyWhenFatal: boolean;
}

const ending = (e: Observed): Observed => ({
  stdout: e.stdout,
  exitCode: e.exitCode,
  stderrFirstLine: e.stderrFirstLine,
  goroutineReasons: e.goroutineReasons,
});

const corpus: Case[] = listPrograms().map((p) => {
  const e = readExpectation(p.expectedFile);
  if (e === undefined) throw new Error(`${p.id} has no expected.json`);
  return { id: p.id, file: `${p.id}.go`, path: p.goFile, endings: [ending(e)], reasonsOnlyWhenFatal: true };
});

const sampleExpectations = JSON.parse(readFileSync(join(SAMPLES_GO, "expected.json"), "utf8")) as Record<string, SampleExpectation>;
const samples: Case[] = readdirSync(SAMPLES_GO)
  .filter((f) => f.endsWith(".go"))
  .sort()
  .map((f) => {
    const id = f.slice(0, -".go".length);
    const e = sampleExpectations[id];
    if (e === undefined) throw new Error(`samples/go/${f} has no entry in expected.json`);
    const endings = e.deterministic ? [ending(e)] : id === "lock-order-deadlock" ? [ending(e), LOCK_ORDER_DEADLOCK] : undefined;
    if (endings === undefined) throw new Error(`samples/go/${f}: a non-deterministic sample needs its possible endings here`);
    return { id: `samples/go/${id}`, file: `samples/go/${f}`, path: join(SAMPLES_GO, f), endings, reasonsOnlyWhenFatal: false };
  });

let compiler: GoCompiler;
beforeAll(async () => {
  compiler = goCompiler(await nodeGoParser());
});

describe("Go programs on chanscope print and end as real Go did", () => {
  it("knows every program it lists as known failing", () => {
    const ids = new Set([...corpus, ...samples].map((c) => c.id));
    expect([...KNOWN_FAILING].filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const c of [...corpus, ...samples]) {
    const test = KNOWN_FAILING.has(c.id) ? it.fails : it;
    test(`${c.id}${KNOWN_FAILING.has(c.id) ? " (known failing: passing fails, take it off the list)" : ""}`, async () => {
      const observed = asGo119(await runWithChanscope(compiler, readFileSync(c.path, "utf8"), c.file), c.reasonsOnlyWhenFatal);
      if (c.endings.length > 1) expect(c.endings).toContainEqual(observed);
      else expect(observed).toEqual(c.endings[0]);
    });
  }
});
