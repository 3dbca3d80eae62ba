// Go as the oracle: each program in goParity/ runs with real Go, and its port
// runs on the runtime; what they print and how they end must agree. Go is a
// test oracle only (chanscope never needs it): without a `go` command the
// suite is skipped, except in CI, where .ci/run installs it and it must run.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as atomic from "./atomic";
import { chan } from "./channel";
import { Cond } from "./cond";
import { background, withCancel, withValue } from "./context";
import { go, goexit, numGoroutine } from "./go";
import { panic } from "./panic";
import type { RunResult } from "./run";
import { otherwise, recv, select, send } from "./select";
import { Mutex, RWMutex, WaitGroup } from "./sync";
import { runTest } from "./testing/testRuns";
import { after, gosched, now, sleep, tick } from "./time";

const hasGo = spawnSync("go", ["version"]).status === 0;
if (!hasGo && process.env["CI"] !== undefined) throw new Error("CI needs Go for runtime/goParity.test.ts: apt-get install golang-go");

const dir = join(import.meta.dirname, "goParity");
const bin = hasGo ? mkdtempSync(join(tmpdir(), "chanscope-goparity-")) : "";
afterAll(() => {
  if (bin !== "") rmSync(bin, { recursive: true, force: true });
});

interface GoEnding {
  readonly stdout: readonly string[];
  readonly code: number;
  /** The first line Go wrote to stderr ("panic: 42", "fatal error: …"), or "". */
  readonly first: string;
  /** Each goroutine's wait reason from a fatal error's dump, in the order printed. */
  readonly reasons: readonly string[];
}

// A machine without a home (some CI runners) still gets a build cache.
const GO_ENV = {
  ...process.env,
  GOCACHE: process.env["GOCACHE"] ?? join(tmpdir(), "chanscope-go-cache"),
  GOPATH: process.env["GOPATH"] ?? join(tmpdir(), "chanscope-gopath"),
};

function runGo(name: string): GoEnding {
  const exe = join(bin, name);
  execFileSync("go", ["build", "-o", exe, join(dir, `${name}.go`)], { stdio: "pipe", env: GO_ENV });
  const r = spawnSync(exe, [], { encoding: "utf8", timeout: 20_000 });
  const stderr = r.stderr.split("\n");
  return {
    stdout: r.stdout.split("\n").filter((l) => l !== ""),
    code: r.status ?? -1,
    first: stderr[0] ?? "",
    reasons: [...r.stderr.matchAll(/^goroutine \d+ \[([^\]]+)\]:$/gm)].map((m) => m[1]!),
  };
}

/** A port: its main, given a println that collects the lines it prints. */
type Port = (println: (...parts: unknown[]) => void) => () => Promise<void> | void;

async function runPort(port: Port): Promise<{ readonly stdout: readonly string[]; readonly r: RunResult }> {
  const stdout: string[] = [];
  const r = await runTest(port((...parts) => stdout.push(parts.map(String).join(" "))));
  return { stdout, r };
}

/** How Go ends, as the runtime's status: exit 0 ok, exit 2 with "panic:" or "fatal error: … deadlock!". */
function expectSameEnding(goEnd: GoEnding, r: RunResult): void {
  if (goEnd.code === 0) {
    expect(r.status).toBe("ok");
    return;
  }
  expect(goEnd.code).toBe(2);
  if (goEnd.first.startsWith("panic: ")) {
    expect(r.status).toBe("panic");
    expect(`panic: ${r.panic?.message}`).toBe(goEnd.first);
    return;
  }
  expect(goEnd.first).toMatch(/^fatal error: .* - deadlock!$/);
  expect(r.status).toBe("deadlock");
  expect(r.message).toBe(goEnd.first);
  expect(r.goroutines.map((g) => g.reason)).toEqual(goEnd.reasons);
}

const PORTS: Readonly<Record<string, Port>> = {
  select_close_recv: (println) => async () => {
    const c = chan<number>();
    const d = chan<number>(1);
    go(async () => {
      await sleep(10);
      c.close();
      await d.send(1);
    });
    await select(
      recv(c, (v, ok) => println("c:", v ?? 0, ok)),
      recv(d, (v) => println("d:", v)),
    );
    println("left in d:", d.len());
  },
  select_close_send: (println) => async () => {
    const c = chan<number>();
    const d = chan<number>(1);
    go(async () => {
      await sleep(10);
      c.close();
      await d.send(1);
    });
    try {
      await select(
        send(c, 5, () => println("sent")),
        recv(d, (v) => println("d:", v)),
      );
    } catch (e) {
      println("recovered:", (e as Error).message);
    }
  },
  mutex_barging: (println) => async () => {
    const mu = new Mutex();
    await mu.lock();
    const done = chan<boolean>();
    go(async () => {
      await mu.lock();
      println("waiter");
      mu.unlock();
      await done.send(true);
    });
    await sleep(0.1);
    mu.unlock();
    await mu.lock();
    println("main");
    mu.unlock();
    await done.recv();
  },
  mutex_starvation: (println) => async () => {
    const mu = new Mutex();
    await mu.lock();
    const done = chan<boolean>();
    go(async () => {
      await mu.lock();
      println("waiter");
      mu.unlock();
      await done.send(true);
    });
    await sleep(2);
    for (let i = 0; i < 3; i++) {
      mu.unlock();
      await mu.lock();
      println("main", i);
      await sleep(2);
    }
    mu.unlock();
    await done.recv();
  },
  poll_select_default: (println) => async () => {
    const start = now();
    const timeout = after(50);
    for (;;) {
      if (
        await select(
          recv(timeout, () => true),
          otherwise(() => false),
        )
      ) {
        println("timeout after at least 50ms:", now() - start >= 50);
        return;
      }
    }
  },
  poll_gosched: (println) => async () => {
    let flag = false;
    const start = now();
    go(async () => {
      await sleep(10);
      flag = true;
    });
    while (!flag) await gosched();
    println("flag set after at least 10ms:", now() - start >= 10);
  },
  panic_number: () => () => panic(42),
  panic_error: () => () => panic(new Error("boom")),
  background_done: (println) => async () => {
    const done = background().done();
    println("done is nil:", done === null || done.id === null);
    await done.recv();
  },
  chan_capacity: (println) => async () => {
    const c = chan<object>(2 ** 30 + 1);
    await c.send({});
    println(c.len(), c.cap());
  },
  goexit_main: (println) => () => {
    go(async () => {
      await sleep(5);
      println("worker done");
    });
    try {
      goexit();
    } finally {
      println("main's deferred call runs");
    }
  },
  num_goroutine: (println) => async () => {
    println(numGoroutine());
    const wg = new WaitGroup();
    for (let i = 0; i < 3; i++) {
      wg.add(1);
      go(async () => {
        await sleep(1);
        wg.done();
      });
    }
    println(numGoroutine());
    await wg.wait();
    await sleep(1);
    println(numGoroutine());
  },
  rwmutex_try: (println) => () => {
    const rw = new RWMutex();
    println(rw.tryRLock(), rw.tryRLock(), rw.tryLock());
    rw.rUnlock();
    rw.rUnlock();
    println(rw.tryLock(), rw.tryRLock(), rw.tryLock());
    rw.unlock();
  },
  context_value: (println) => async () => {
    const a = withValue(background(), "user", "ann");
    const [b, cancel] = withCancel(a);
    const c = withValue(b, "user", "bob");
    // Go's key("user") and "user" are different keys; here a symbol stands for the other type's key.
    println(a.value("user"), b.value("user"), c.value("user"), c.value(Symbol("user")) ?? "<nil>");
    cancel();
    await c.done().recv();
    println(c.err()?.message);
  },
  time_tick: (println) => async () => {
    const start = now();
    const c = tick(10);
    for (let i = 0; i < 3; i++) await c.recv();
    println("three ticks after at least 30ms:", now() - start >= 30, tick(0).id === null);
  },
  cond_signal: (println) => async () => {
    const mu = new Mutex();
    const cond = new Cond(mu);
    const woken = chan<string>(3);
    for (const name of ["a", "b", "c"]) {
      go(async () => {
        await mu.lock();
        await cond.wait();
        await woken.send(name);
        mu.unlock();
      });
      await sleep(1);
    }
    await mu.lock();
    cond.signal();
    mu.unlock();
    println(await woken.recv());
    await mu.lock();
    cond.broadcast();
    mu.unlock();
    println([await woken.recv(), await woken.recv()].length);
    await mu.lock();
    await cond.wait();
  },
  atomic_ops: (println) => async () => {
    const ops = new atomic.Int64();
    const wg = new WaitGroup();
    for (let w = 0; w < 5; w++) {
      wg.go(() => {
        for (let i = 0; i < 100; i++) ops.add(1);
      });
    }
    await wg.wait();
    const n = new atomic.Int32();
    n.store(2147483647);
    println(ops.load(), n.add(1), n.compareAndSwap(-2147483648, 3), n.compareAndSwap(0, 4), n.swap(9), n.load());
  },
};

describe.runIf(hasGo)("the runtime beside real Go", () => {
  for (const [name, port] of Object.entries(PORTS)) {
    it(`${name}: prints what Go prints and ends as Go ends`, { timeout: 60_000 }, async () => {
      const goEnd = runGo(name);
      const { stdout, r } = await runPort(port);
      expect(stdout).toEqual(goEnd.stdout);
      expectSameEnding(goEnd, r);
    });
  }
});
