import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId, type EventIndex } from "../events";
import { DEADLOCK_MESSAGE, formatTime } from "../vocabulary/index";
import { pingPongDeadlock } from "../testing/fixtureTraces";
import { trace } from "../testing/traceBuilder";

describe("explaining a deadlock", () => {
  const m = pingPongDeadlock().model();
  const x = m.explanation;

  it("leads with Go's message", () => {
    expect(x.outcome).toBe("deadlock");
    expect(x.headline).toBe(DEADLOCK_MESSAGE);
    expect(x.text.startsWith("fatal error: all goroutines are asleep - deadlock!\n")).toBe(true);
  });

  it("says what each goroutine waits on and why nothing can wake it", () => {
    expect(x.items.map((it) => it.g)).toEqual([1, 2, 3]);
    const ping = x.items[1];
    expect(ping?.summary).toBe("goroutine 2 (ping) [chan receive]: waiting to receive from `a` (unbuffered)");
    expect(ping?.why).toBe("which no running goroutine can send to: of its other users, G3 is blocked too (waiting to receive from `b`)");
    expect(x.items[0]?.text).toBe(
      "goroutine 1 (main) [chan receive]: waiting to receive from `done` (unbuffered), which no running goroutine can send to: no other goroutine has used it",
    );
  });

  it("names both goroutines and both channels of the cycle", () => {
    expect(x.cycles.map((c) => c.text)).toEqual([
      "G2, waiting to receive from `a`, waits for G3; G3, waiting to receive from `b`, waits for G2",
    ]);
    expect(x.text).toContain("Wait cycle: G2, waiting to receive from `a`, waits for G3; G3, waiting to receive from `b`, waits for G2.");
  });

  it("gives each item what a view needs to jump to its last block", () => {
    const pong = x.items[2];
    expect(pong).toMatchObject({ g: 3, kind: "deadlocked", state: "deadlocked", reason: "chan receive", loc: "pingpong.ts:20" });
    expect(pong?.resources).toEqual([{ kind: "channel", id: 2 }]);
    expect(pong?.lastBlock?.index).toBe(21);
    expect(pong?.jumpTo?.index).toBe(21);
  });

  it("keeps the wait in the deadlocked spans", () => {
    const spans = m.goroutine(goroutineId(2))?.spans;
    const last = (spans?.length ?? 0) - 1;
    expect(spans?.stateOf(last)).toBe("deadlocked");
    expect(spans?.span(last).wait?.block.index).toBe(19);
    expect(m.goroutine(goroutineId(2))?.end?.state).toBe("deadlocked");
  });
});

describe("explaining leaks", () => {
  // A collector keeps receiving from `results` after both workers have sent once and exited.
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "results") // 2
    .spawn(1, 2, "collector") // 3
    .spawn(1, 3, "w1") // 4
    .spawn(1, 4, "w2") // 5
    .run(2) // 6
    .block(2, "chan receive", { ch: 1 }) // 7
    .run(3) // 8
    .send(3, 1, "a", 0, { peer: 2 }) // 9
    .recv(2, 1, "a", { peer: 3, from: 9 }) // 10
    .unblock(2, 3) // 11
    .exit(3) // 12
    .run(2) // 13
    .block(2, "chan receive", { ch: 1 }) // 14
    .run(4) // 15
    .send(4, 1, "b", 0, { peer: 2 }) // 16
    .recv(2, 1, "b", { peer: 4, from: 16 }) // 17
    .unblock(2, 4) // 18
    .exit(4) // 19
    .run(2) // 20
    .block(2, "chan receive", { ch: 1, loc: "collect.ts:4" }) // 21
    .run(1) // 22
    .exit(1) // 23
    .leak(2, "chan receive", { ch: 1 }) // 24
    .end("ok") // 25
    .model();

  it("says main returned with goroutines still blocked", () => {
    expect(m.explanation.outcome).toBe("ok");
    expect(m.explanation.headline).toBe("main returned while 1 goroutine was still blocked: it leaked.");
  });

  it("explains each leaked goroutine like Go's dump, with who else used its channel", () => {
    expect(m.explanation.items.map((it) => it.text)).toEqual([
      "goroutine 2 (collector) [chan receive]: waiting to receive from `results` (unbuffered), which no running goroutine can send to: its other users G3, G4 have exited, " +
        "and nobody closed it: a range over a channel ends only when the channel is closed",
    ]);
    expect(m.explanation.items[0]).toMatchObject({ kind: "leaked", state: "leaked", loc: "collect.ts:4" });
    expect(m.explanation.items[0]?.lastBlock?.index).toBe(21);
  });

  it("keeps the leaked goroutine on its channel's queue", () => {
    expect(
      m
        .stateAt(eventIndex(25))
        .channel(channelId(1))
        ?.recvq.map((w) => w.g),
    ).toEqual([2]);
  });
});

describe("explaining goroutines main's return cut off", () => {
  // main starts a worker and a printer and returns; the worker had run once and
  // was woken again, the printer never ran, a third goroutine stays blocked.
  const build = (withLeak: boolean) => {
    const t = trace()
      .main() // 0, 1
      .make(1, 1, 0, "c") // 2
      .spawn(1, 2, "worker") // 3
      .run(2) // 4
      .block(2, "chan receive", { ch: 1 }) // 5
      .run(1) // 6
      .send(1, 1, "x", 0, { peer: 2 }) // 7
      .recv(2, 1, "x", { peer: 1, from: 7 }) // 8
      .unblock(2, 1) // 9
      .spawn(1, 3, "printer"); // 10
    // The waiter's channel is one nobody else ever used: it is stuck for good.
    if (withLeak) t.make(1, 2, 0, "never").spawn(1, 4, "waiter").run(4).block(4, "chan receive", { ch: 2 }).run(1); // 11-15
    t.exit(1);
    if (withLeak) t.leak(4, "chan receive", { ch: 2 });
    return t.end("ok").model();
  };

  it("says the program ended under goroutines still runnable, and which never ran", () => {
    const x = build(false).explanation;
    expect(x.outcome).toBe("ok");
    expect(x.headline).toBe("main returned while 2 goroutines had not finished: the program ended under them.");
    expect(x.items.map((it) => [it.g, it.kind, it.state])).toEqual([
      [2, "unfinished", "runnable"],
      [3, "unfinished", "runnable"],
    ]);
    expect(x.items[0]?.summary).toBe("goroutine 2 (worker) [runnable]: ready to go on, but never got the chance");
    expect(x.items[1]?.summary).toBe("goroutine 3 (printer) [runnable]: started with go but never ran");
    expect(x.items[1]?.why).toContain("a Go program ends when main returns");
  });

  it("jumps to where each became runnable: the wake-up, or the go statement", () => {
    const m = build(false);
    const [worker, printer] = m.explanation.items;
    expect(m.event(worker?.jumpTo?.index as EventIndex)).toMatchObject({ kind: "unblock", g: 2 });
    expect(m.event(printer?.jumpTo?.index as EventIndex)).toMatchObject({ kind: "spawn", child: 3 });
  });

  it("names leaked and cut-off goroutines apart when a run has both", () => {
    const x = build(true).explanation;
    expect(x.headline).toBe("main returned while 1 goroutine was still blocked (it leaked) and 2 goroutines had not finished.");
    expect(x.items.map((it) => [it.g, it.kind])).toEqual([
      [4, "leaked"],
      [2, "unfinished"],
      [3, "unfinished"],
    ]);
  });
});

describe("explaining other endings", () => {
  it("explains a panic: where, and a send on a channel closed under a parked sender", () => {
    const m = trace()
      .main() // 0, 1
      .make(1, 1, 0, "jobs") // 2
      .spawn(1, 2, "producer") // 3
      .run(2) // 4
      .block(2, "chan send", { ch: 1, v: "7" }) // 5
      .run(1) // 6
      .close(1, 1, 0) // 7
      .unblock(2, 1) // 8
      .run(2) // 9
      .panic(2, "send on closed channel", { loc: "producer.ts:9" }) // 10
      .end("panic", { message: "send on closed channel" }) // 11
      .model();
    const x = m.explanation;
    expect(x.outcome).toBe("panic");
    expect(x.headline).toBe("panic: send on closed channel");
    expect(x.panic).toMatchObject({ g: 2, message: "send on closed channel", fatal: false, loc: "producer.ts:9" });
    expect(x.items[0]?.text).toBe(
      "goroutine 2 (producer) panicked at producer.ts:9: send on closed channel; it was waiting to send to `jobs` when G1 closed it (event #7), and a send on a closed channel panics",
    );
    expect(x.items[0]?.jumpTo?.index).toBe(10);
    expect(m.goroutine(goroutineId(2))?.end?.state).toBe("panicked");
  });

  it("says once that the user stopped a run, without repeating the runtime's message", () => {
    const m = trace().main().end("timeout", { limit: "stopped", message: "stopped: the run was stopped" }).model();
    expect(m.explanation.headline).toBe("The run was stopped by the user.");
  });

  it("keeps the runtime's message when no limit is named", () => {
    const m = trace().main().end("timeout", { message: "stopped: the host gave up" }).model();
    expect(m.explanation.headline).toBe("The run was stopped by a limit: stopped: the host gave up.");
  });

  it("says which limit stopped a timed-out run", () => {
    const m = trace().main().spawn(1, 2).end("timeout", { limit: "virtual-time" }).model();
    expect(m.explanation.outcome).toBe("timeout");
    expect(m.explanation.limit).toBe("virtual-time");
    expect(m.explanation.headline).toBe("The run was stopped after reaching its virtual-time limit.");
  });

  it("says a trace without an end event was cut off", () => {
    const m = trace().main().make(1, 1, 0, "c").block(1, "chan receive", { ch: 1 }).model();
    const x = m.explanation;
    expect(x.outcome).toBe("truncated");
    expect(m.complete).toBe(false);
    expect(x.headline).toBe(
      `The trace was cut off after event #3 (t=${formatTime(m.endTime)}): it has no end event, so how the run ended is unknown.`,
    );
    expect(x.items.map((it) => [it.g, it.kind, it.reason])).toEqual([[1, "blocked", "chan receive"]]);
  });

  it("says a run that ended well ended well", () => {
    const m = trace().main().exit(1).end("ok").model();
    expect(m.explanation.headline).toBe("The program finished normally.");
    expect(m.explanation.items).toEqual([]);
  });

  it("explains a lock held by a goroutine that exited without unlocking it", () => {
    const m = trace()
      .main()
      .syncMake(1, 1, "Mutex", "mu")
      .spawn(1, 2, "holder")
      .block(1, "sleep", { until: 100 as never })
      .run(2)
      .lock(2, 1)
      .exit(2)
      .unblock(1, 0)
      .run(1)
      .block(1, "sync.Mutex.Lock", { obj: 1 })
      .deadlock()
      .end("deadlock")
      .model();
    expect(m.explanation.items[0]?.text).toBe(
      "goroutine 1 (main) [sync.Mutex.Lock]: waiting to lock Mutex `mu`, held by G2, which has exited without unlocking it",
    );
  });
});

describe("explaining a WaitGroup whose count is held by goroutines in a wait cycle", () => {
  // main adds 2 and starts alice and bob, who each wait for the other; main waits on the group.
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "a") // 2
    .make(1, 2, 0, "b") // 3
    .syncMake(1, 1, "WaitGroup", "wg") // 4
    .wgAdd(1, 1, 2, 2) // 5
    .spawn(1, 2, "alice") // 6
    .spawn(1, 3, "bob") // 7
    .block(1, "sync.WaitGroup.Wait", { obj: 1 }) // 8
    .run(2) // 9
    .block(2, "chan send", { ch: 2 }) // 10: alice greets bob
    .run(3) // 11
    .recv(3, 2, "hi", { peer: 2 }) // 12
    .unblock(2, 3) // 13
    .block(3, "chan send", { ch: 1 }) // 14: bob greets alice
    .run(2) // 15
    .recv(2, 1, "hi", { peer: 3 }) // 16
    .unblock(3, 2) // 17
    .block(2, "chan receive", { ch: 1 }) // 18: each waits for the other to ask first
    .run(3) // 19
    .block(3, "chan receive", { ch: 2 }) // 20
    .deadlock() // 21
    .end("deadlock") // 22
    .model();

  it("says the goroutines started after Add hold the count and why their Done never runs", () => {
    expect(m.explanation.items[0]?.why).toBe(
      "and only Done calls can bring the counter to zero: G2 and G3 hold the count (they were started after Add and have not called Done), " +
        "and their Done can never run: they are blocked in the wait cycle",
    );
  });

  it("links main to the cycle in the wait-for graph through the WaitGroup", () => {
    const g = m.stateAt(eventIndex(22)).waitFor;
    expect(g.edges.filter((e) => e.from === "obj1").map((e) => [e.to, e.role])).toEqual([
      ["g2", "counted"],
      ["g3", "counted"],
    ]);
    expect(g.dependency(goroutineId(1))?.stuck).toBe(true);
  });

  it("does not count a goroutine started once the counter is back at zero", () => {
    const later = trace().main().syncMake(1, 1, "WaitGroup", "wg").wgAdd(1, 1, 1, 1).wgAdd(1, 1, -1, 0).spawn(1, 2, "late").model();
    expect(later.object(1 as never)?.counted).toEqual([]);
  });
});

describe("explaining a goroutine left on an operation it never awaited", () => {
  const m = trace()
    .main() // 0, 1
    .make(1, 1, 0, "done") // 2
    .spawn(1, 2, "worker") // 3
    .block(1, "sleep", { until: 10_000_000 as never }) // 4
    .run(2) // 5
    .block(2, "chan send", { ch: 1, v: "42", loc: "prog.ts:6" }) // 6
    .run(1) // 7
    .warn(2, "worker returned while an operation it started was still pending", { unawaited: true, loc: "prog.ts:6" }) // 8
    .exit(1) // 9
    .leak(2, "chan send", { ch: 1 }) // 10
    .end("ok") // 11
    .model();

  it("makes it an ending of its own, named in the headline", () => {
    expect(m.explanation.ending).toBe("unawaited");
    expect(m.explanation.headline).toBe("main returned while 1 goroutine was left on an operation never awaited: a missing await.");
  });

  it("names the goroutine, the operation left pending and the line of the missing await", () => {
    const it0 = m.explanation.items[0];
    expect(it0).toMatchObject({ g: 2, kind: "unawaited", loc: "prog.ts:6" });
    expect(it0?.text).toBe(
      "goroutine 2 (worker) [chan send]: waiting to send 42 to `done` (unbuffered), and its function returned without awaiting it (the call at prog.ts:6), so it stays blocked on it: add `await`",
    );
    expect(it0?.jumpTo?.index).toBe(6);
  });

  it("keeps its lane blocked on the operation to the end", () => {
    expect(m.goroutine(goroutineId(2))?.end?.state).toBe("leaked");
  });
});
