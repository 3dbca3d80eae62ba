// Real Go as the oracle of the Go front end's differential corpus: build a
// corpus program with `go build`, run it, and describe what it printed and how
// it ended, in the shape of its `.expected.json`. Plain functions over Node's
// child processes; corpus.test.ts drives them (and rewrites the files with
// RECORD=1). chanscope itself never needs Go.

import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** What a program prints and how it ends, as recorded in `<name>.expected.json`. */
export interface Expectation {
  /** Everything written to stdout, byte for byte (decoded as UTF-8). */
  readonly stdout: string;
  readonly exitCode: number;
  /** The first line of stderr ("panic: …", "fatal error: …"), or "". */
  readonly stderrFirstLine: string;
  /** For a fatal error, each goroutine's wait reason in the dump's order; otherwise []. */
  readonly goroutineReasons: readonly string[];
  /** "go1.19": recorded by running Go 1.19; "manual": written by hand (features newer than 1.19). */
  readonly source: "go1.19" | "manual";
}

/** One program of the corpus: `<category>/<name>.go` beside `<category>/<name>.expected.json`. */
export interface CorpusProgram {
  /** `<category>/<name>`, the program's name in test titles. */
  readonly id: string;
  readonly category: string;
  readonly goFile: string;
  readonly expectedFile: string;
}

/** Where the corpus lives: the folder of this file. */
export const CORPUS_DIR = import.meta.dirname;

/** The Go release the `go1.19` expectations were recorded with (Debian's golang-go in CI). */
export const RECORDED_GO = "go1.19";

const RUN_TIMEOUT_MS = 20_000;

/** The corpus's category folders, sorted. */
export function categories(dir: string = CORPUS_DIR): readonly string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Every `.go` program of the corpus, sorted by id. */
export function listPrograms(dir: string = CORPUS_DIR): readonly CorpusProgram[] {
  return categories(dir).flatMap((category) =>
    readdirSync(join(dir, category))
      .filter((f) => f.endsWith(".go"))
      .sort()
      .map((f) => {
        const name = basename(f, ".go");
        return {
          id: `${category}/${name}`,
          category,
          goFile: join(dir, category, f),
          expectedFile: join(dir, category, `${name}.expected.json`),
        };
      }),
  );
}

/** Every `.expected.json` of the corpus, as `<category>/<name>` ids. */
export function listExpectedIds(dir: string = CORPUS_DIR): readonly string[] {
  return categories(dir).flatMap((category) =>
    readdirSync(join(dir, category))
      .filter((f) => f.endsWith(".expected.json"))
      .sort()
      .map((f) => `${category}/${basename(f, ".expected.json")}`),
  );
}

// A machine without a home (some CI runners) still gets a build cache, shared
// with runtime/goParity.test.ts so the standard library is compiled once.
// GOTOOLCHAIN=local keeps a newer go command from fetching a toolchain.
export const GO_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GOCACHE: process.env["GOCACHE"] ?? join(tmpdir(), "chanscope-go-cache"),
  GOPATH: process.env["GOPATH"] ?? join(tmpdir(), "chanscope-gopath"),
  GOTOOLCHAIN: "local",
  CGO_ENABLED: "0",
};

// The programs run with Go's default traceback: these variables would change
// what stderr says (GOTRACEBACK=all dumps every goroutine of a panic).
const RUN_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "GOTRACEBACK" && k !== "GODEBUG"));

/** The `go` command's version ("go1.19.8"), or undefined without one. */
export function goVersion(): string | undefined {
  const r = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8", env: GO_ENV });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Builds a program into `exe`; rejects with Go's compiler output. */
export function buildProgram(goFile: string, exe: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("go", ["build", "-o", exe, goFile], { env: GO_ENV }, (err, _stdout, stderr) => {
      if (err === null) resolve();
      else reject(new Error(`go build ${goFile} failed:\n${stderr}`));
    });
  });
}

/** What one run of a built program wrote and how it exited. */
export interface GoRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Runs a built program with no stdin; rejects when it outlives the timeout or dies by a signal. */
export function runBinary(exe: string, timeoutMs: number = RUN_TIMEOUT_MS): Promise<GoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, [], { env: RUN_ENV, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === null) {
        reject(new Error(`${exe} ended by ${signal ?? "an unknown signal"} (timeout ${timeoutMs} ms?)`));
        return;
      }
      resolve({ stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), exitCode: code });
    });
  });
}

// A panic value that is neither an error, a Stringer nor of a basic kind is
// printed by Go's runtime as its type and address, `(main.point) 0xc000018090`.
// No other implementation can print the same address, so it is recorded masked.
const PANIC_ADDRESS = /^(panic: \(.+\) )0x[0-9a-f]+/;
export const MASKED_ADDRESS = "0xADDRESS";

/** The expectation a run gives: the first stderr line, and the wait reasons of a fatal error's dump. */
export function expectationOf(run: GoRun): Expectation {
  const first = (run.stderr.split("\n")[0] ?? "").replace(PANIC_ADDRESS, `$1${MASKED_ADDRESS}`);
  const fatal = first.startsWith("fatal error: ");
  return {
    stdout: run.stdout,
    exitCode: run.exitCode,
    stderrFirstLine: first,
    goroutineReasons: fatal ? [...run.stderr.matchAll(/^goroutine \d+ \[([^\]]+)\]:$/gm)].map((m) => m[1] ?? "") : [],
    source: "go1.19",
  };
}

/** The two runs of one program: the second shows whether it is deterministic. */
export interface Recording {
  readonly first: Expectation;
  readonly second: Expectation;
}

/** Where a program's executable goes in `binDir`. */
export function exeOf(program: CorpusProgram, binDir: string): string {
  return join(binDir, program.id.replace("/", "__"));
}

/** Runs a built program twice, one run after the other. */
export async function recordBinary(exe: string): Promise<Recording> {
  const first = expectationOf(await runBinary(exe));
  const second = expectationOf(await runBinary(exe));
  return { first, second };
}

/**
 * Builds every program, two `go build`s at a time (each is parallel itself),
 * then runs each twice, one program at a time: a program that orders its
 * goroutines by sleeping must not share the cores with a compiler.
 * A program that fails to build or run gets its error in place of a recording.
 */
export async function recordAll(programs: readonly CorpusProgram[], binDir: string): Promise<(Recording | Error)[]> {
  const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
  const built = await mapPool(programs, 2, (p) => buildProgram(p.goFile, exeOf(p, binDir)).then(() => undefined, asError));
  return mapPool(programs, 1, (p, i) => {
    const failed = built[i];
    return failed !== undefined ? Promise.resolve(failed) : recordBinary(exeOf(p, binDir)).catch(asError);
  });
}

/** Applies `f` to every item with at most `size` calls in flight; results in the items' order. */
export async function mapPool<T, R>(items: readonly T[], size: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i] as T, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return results;
}

/** Reads an expectation file; undefined when it does not exist. */
export function readExpectation(file: string): Expectation | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as Expectation;
}

/** The file text of an expectation: its fields in a fixed order, two-space JSON, final newline. */
export function formatExpectation(e: Expectation): string {
  const ordered: Expectation = {
    stdout: e.stdout,
    exitCode: e.exitCode,
    stderrFirstLine: e.stderrFirstLine,
    goroutineReasons: e.goroutineReasons,
    source: e.source,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function writeExpectation(file: string, e: Expectation): void {
  writeFileSync(file, formatExpectation(e));
}
