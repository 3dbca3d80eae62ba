// Traces for tests: a sample program's run, one with every kind and optional
// field, a deadlock, and raw trace text for lines the writer would never write.

import { MAIN_G, RUNTIME_G, type TraceEvent, type TraceHeader } from "../events";
import { DEADLOCK_MESSAGE } from "../vocabulary/goMessages";
import { nanos } from "../units";
import { serializeHeader } from "../format/encode";
import { fixtureHeader, trace, type FixtureTrace, type TraceBuilder } from "./traceBuilder";

/**
 * A fan-in pipeline as the runtime would record it: main feeds two workers through a
 * buffered channel, collects results over an unbuffered one, waits with a timeout,
 * and returns while worker 2 is still blocked (a leak).
 */
export function sampleTrace(): FixtureTrace {
  // main = G1, worker 1 = G2, worker 2 = G3; jobs = channel 1, results = 2, time.After = 3.
  const b = trace({ tick: 0, header: fixtureHeader({ program: { name: "fan-in", id: "samples/fan-in" }, seed: 42 }) });
  b.spawn(0, 1, "main")
    .run(1, { loc: "fan-in.ts:3" })
    .make(1, 1, 2, "jobs")
    .make(1, 2, 0, "results")
    .spawn(1, 2, "worker 1")
    .spawn(1, 3, "worker 2");
  const s1 = b.send(1, 1, "1", 1).last;
  const s2 = b.send(1, 1, "2", 2).last;
  b.block(1, "chan send", { ch: 1, v: "3" });

  b.wait(1_000).run(2).recv(2, 1, "1", { len: 1, from: s1 });
  // The parked sender's value moves into the freed buffer slot.
  const s3 = b.send(1, 1, "3", 2).last;
  b.unblock(1, 2)
    .block(2, "chan send", { ch: 2, v: "2" })
    .run(3)
    .recv(3, 1, "2", { len: 1, from: s2 })
    .block(3, "chan send", { ch: 2, v: "4" });

  b.wait(500).run(1).close(1, 1, 1);
  // main receives while worker 1 is parked sending: a direct handoff.
  const r1 = b.send(2, 2, "2", 0, { peer: 1 }).last;
  b.recv(1, 2, "2", { peer: 2, from: r1 }).unblock(2, 1);

  // select { case r := <-results: … case <-time.After(5ms): … }
  b.make(1, 3, 1, "time.After").timer(1, 1, "set", "after", b.time + 5_000_000, 3);
  const r2 = b.send(3, 2, "4", 0, { peer: 1, loc: "fan-in.ts:12" }).last;
  b.select(
    1,
    [
      { ch: 2, dir: "recv" },
      { ch: 3, dir: "recv" },
    ],
    [0],
    0,
  )
    .recv(1, 2, "4", { peer: 3, from: r2, sel: 0 })
    .unblock(3, 1)
    .timer(1, 1, "stop", "after", b.time + 5_000_000, 3);

  b.wait(2_000).run(2).recv(2, 1, "3", { from: s3 }).block(2, "chan send", { ch: 2, v: "6" });
  b.run(3).recv(3, 1, "0", { ok: false }).exit(3);
  b.run(1).leak(2, "chan send", { ch: 2 }).end("ok", { g: 1 });
  return b.trace();
}

/** Every event kind and every optional field at least once (not a plausible program). */
export function everyKindTrace(): FixtureTrace {
  const b = trace({
    tick: 0,
    header: fixtureHeader({
      program: { name: "everything", id: "user/everything.ts", source: 'import { go } from "chanscope";\n// é ✓ 🎉\n' },
      seed: 7,
      strategy: "random",
      clock: "real",
    }),
  });
  // main = G1, G2; channels: ch = 1, named = 2, the contexts' done channels 3 and 4; objects: mu = 1, rw = 2, wg = 3, once = 4.
  b.spawn(0, 1, "main").run(1, { loc: "everything.ts:1:1" }).spawn(1, 2).make(1, 1, 3).make(1, 2, 0, 'named "quoted" ✓').yield(1).run(2);
  const s = b.send(2, 1, "{a: 1}", 1, { sel: 1, loc: "everything.ts:9" }).last;
  b.block(2, "select", {
    cases: [
      { ch: null, dir: "send" },
      { ch: 2, dir: "recv" },
    ],
  })
    .block(1, "chan receive (nil chan)")
    .unblock(2, 0)
    .select(2, [{ ch: null, dir: "recv" }], [], -1, true)
    .recv(2, 1, "{a: 1}", { peer: 1, from: s, sel: 0 })
    .timer(0, 9, "fire", "sleep", 0)
    .block(2, "sleep", { until: nanos(1_000_000) });
  b.wait(1_000_000).timer(0, 3, "fire", "ticker", b.time, 1);
  b.syncMake(1, 1, "Mutex").syncMake(1, 2, "RWMutex", "table").syncMake(1, 3, "WaitGroup", "wg").syncMake(1, 4, "Once");
  b.lock(1, 1, "w").unlock(1, 1, "w").lock(1, 2, "r").block(2, "sync.RWMutex.Lock", { obj: 2 }).unlock(1, 2, "r");
  b.wgAdd(1, 3, -1, -1).wgWait(1, 3).once(1, 4, "start").once(1, 4, "done");
  // objects: cond = 5, an atomic = 6.
  b.syncMake(1, 5, "Cond", "ready").syncMake(1, 6, "Atomic");
  b.add({ kind: "sync.op", g: 1, obj: 6, op: "cas", v: "2", old: "1", ok: true })
    .add({ kind: "sync.op", g: 1, obj: 6, op: "add", n: 5, v: "7", old: "2" })
    .add({ kind: "sync.op", g: 2, obj: 5, op: "wait" })
    .block(2, "sync.Cond.Wait", { obj: 5 });
  b.ctxMake(1, 1, "background", 3).ctxMake(1, 2, "timeout", 4, { parent: 1, deadline: nanos(5_000_000) });
  b.ctxCancel(0, 2, "context deadline exceeded", 2).ctxCancel(1, 1, "context canceled", 1, "shutdown").close(1, 4, 0);
  b.add({ kind: "io", g: 1, io: 1, op: "start", label: 'fetch("/api")' })
    .block(1, "io", { io: 1 })
    .add({ kind: "io", g: 0, io: 1, op: "end", ok: false })
    .warn(1, "a foreign promise was awaited outside io()")
    .output(1, 'said "hi" é ✓', { loc: "everything.ts:12" })
    .output(0, "", { stream: "stderr" })
    .panic(2, "send on closed channel")
    .panic(1, "sync: unlock of unlocked mutex", { fatal: true, stack: "Error: boom\n    at main (everything.ts:20:3)" })
    .leak(2, "sync.Mutex.Lock", { obj: 1 })
    .leak(1, "chan receive", { ch: 2 })
    .deadlock("fatal error: all goroutines are asleep - deadlock!")
    .exit(2)
    .end("timeout", { message: "stopped by the user", limit: "stopped" });
  return b.trace();
}

/**
 * main makes unbuffered `jobs`, starts a worker that parks receiving on it,
 * then sends 42, which the worker takes.
 *
 *   0 spawn main · 1 run main · 2 make jobs · 3 spawn worker · 4 yield main · 5 run worker
 *   6 worker blocks: chan receive on jobs · 7 run main · 8 main sends 42 (to the worker)
 *   9 worker unblocked · 10 yield main · 11 run worker · 12 worker receives 42 · 13 worker exits
 *   14 run main · 15 main exits · 16 end
 */
export const handoff = (): TraceBuilder =>
  trace()
    .main()
    .make(1, 1, 0, "jobs")
    .spawn(1, 2, "worker")
    .yield(1)
    .run(2)
    .block(2, "chan receive", { ch: 1 })
    .run(1)
    .send(1, 1, "42", 0, { peer: 2 })
    .unblock(2, 1)
    .yield(1)
    .run(2)
    .recv(2, 1, "42", { from: 8, peer: 1 })
    .exit(2)
    .run(1)
    .exit(1)
    .end("ok");

/** ping (G2) and pong (G3) trade a value each way, then each waits for the other; main waits on `done`. */
export const pingPongDeadlock = (): TraceBuilder =>
  trace()
    .main() // 0, 1
    .make(1, 1, 0, "a") // 2
    .make(1, 2, 0, "b") // 3
    .make(1, 3, 0, "done") // 4
    .spawn(1, 2, "ping") // 5
    .spawn(1, 3, "pong") // 6
    .block(1, "chan receive", { ch: 3, loc: "main.ts:9" }) // 7
    .run(2) // 8
    .block(2, "chan send", { ch: 2, v: "ping" }) // 9
    .run(3) // 10
    .send(2, 2, "ping", 0, { peer: 3 }) // 11
    .recv(3, 2, "ping", { peer: 2, from: 11 }) // 12
    .unblock(2, 3) // 13
    .block(3, "chan send", { ch: 1, v: "pong" }) // 14
    .run(2) // 15
    .send(3, 1, "pong", 0, { peer: 2 }) // 16
    .recv(2, 1, "pong", { peer: 3, from: 16 }) // 17
    .unblock(3, 2) // 18
    .block(2, "chan receive", { ch: 1, loc: "pingpong.ts:12" }) // 19
    .run(3) // 20
    .block(3, "chan receive", { ch: 2, loc: "pingpong.ts:20" }) // 21
    .deadlock() // 22
    .end("deadlock", { message: "all goroutines are asleep - deadlock!" }); // 23

/**
 * A trace file's text from raw objects, each JSON-stringified onto its own line after a
 * valid header: for tests that need lines the writer would never produce.
 */
export function rawTraceText(lines: readonly unknown[], header: TraceHeader = fixtureHeader()): string {
  return [serializeHeader(header), ...lines.map((l) => JSON.stringify(l))].join("\n") + "\n";
}

/** The opening events most hand-written test traces need: main spawned and running. */
export function mainRunning(): readonly unknown[] {
  return [
    { seq: 0, t: 0, g: RUNTIME_G, kind: "spawn", child: MAIN_G, name: "main" },
    { seq: 1, t: 0, g: MAIN_G, kind: "run" },
  ];
}

/**
 * A deadlock at scale: main spawns `senders` goroutines that all park sending
 * on the unbuffered channel `results`, then parks receiving from `done`.
 */
export function crowdedDeadlockTrace(senders: number): FixtureTrace {
  const out: TraceEvent[] = [];
  const add = (e: Record<string, unknown>): void => {
    out.push({ seq: out.length, t: nanos(0), ...e } as unknown as TraceEvent);
  };
  add({ g: RUNTIME_G, kind: "spawn", child: MAIN_G, name: "main" });
  add({ g: MAIN_G, kind: "run" });
  add({ g: MAIN_G, kind: "make", ch: 1, cap: 0, name: "results" });
  add({ g: MAIN_G, kind: "make", ch: 2, cap: 0, name: "done" });
  for (let k = 0; k < senders; k++) add({ g: MAIN_G, kind: "spawn", child: k + 2, name: "worker" });
  add({ g: MAIN_G, kind: "block", reason: "chan receive", ch: 2 });
  for (let k = 0; k < senders; k++) {
    add({ g: k + 2, kind: "run" });
    add({ g: k + 2, kind: "block", reason: "chan send", ch: 1, v: String(k) });
  }
  add({ g: RUNTIME_G, kind: "deadlock", message: DEADLOCK_MESSAGE });
  add({ g: RUNTIME_G, kind: "end", status: "deadlock" });
  return { header: fixtureHeader({ program: { id: "crowded", name: "Crowded channel" } }), events: out };
}
