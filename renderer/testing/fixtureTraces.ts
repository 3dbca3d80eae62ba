// Small hand-written traces for the renderer's unit tests, each the story of a
// run the samples also tell (the same events the runtime emits for them).

import type { TraceEvent } from "../../traces/events";
import { buildModel, type TraceModel } from "../../traces/model/index";
import { trace } from "../../traces/testing/traceBuilder";
import { nanos } from "../../traces/units";

/**
 * The deadlock-circular sample's run: alice (G2) and bob (G3) say hi over the
 * unbuffered channels a (1) and b (2), then each waits to receive from the
 * other; main (G1) waits on the WaitGroup `wg`.
 */
function circularDeadlockEvents(): readonly TraceEvent[] {
  const loc = (line: number) => ({ loc: `samples/deadlock-circular.ts:${line}` });
  const t = trace()
    .main()
    .make(1, 1, 0, "a")
    .make(1, 2, 0, "b")
    .syncMake(1, 1, "WaitGroup", "wg")
    .wgAdd(1, 1, 2, 2)
    .spawn(1, 2, "alice")
    .spawn(1, 3, "bob")
    .add({ kind: "block", g: 1, reason: "sync.WaitGroup.Wait", obj: 1, ...loc(25) })
    .run(2)
    .add({ kind: "block", g: 2, reason: "chan send", ch: 2, v: '"hi bob"', ...loc(10) })
    .run(3);
  const send1 = t.events.length;
  t.send(2, 2, '"hi bob"', 0, { peer: 3, ...loc(10) })
    .recv(3, 2, '"hi bob"', { peer: 2, from: send1, ...loc(18) })
    .unblock(2, 3)
    .add({ kind: "block", g: 3, reason: "chan send", ch: 1, v: '"hi alice"', ...loc(19) })
    .run(2);
  const send2 = t.events.length;
  t.send(3, 1, '"hi alice"', 0, { peer: 2, ...loc(19) })
    .recv(2, 1, '"hi alice"', { peer: 3, from: send2, ...loc(11) })
    .unblock(3, 2)
    .add({ kind: "block", g: 2, reason: "chan receive", ch: 1, ...loc(12) })
    .run(3)
    .add({ kind: "block", g: 3, reason: "chan receive", ch: 2, ...loc(20) })
    .deadlock("fatal error: all goroutines are asleep - deadlock!")
    .end("deadlock", { message: "fatal error: all goroutines are asleep - deadlock!" });
  return t.events;
}

export const circularDeadlockModel = (): TraceModel => buildModel(circularDeadlockEvents());

/** The same run as the runtime records it on virtual time: nobody sleeps, so every event is at t = 0. */
export const instantDeadlockEvents = (): readonly TraceEvent[] => circularDeadlockEvents().map((e) => ({ ...e, t: nanos(0) }));
export const instantDeadlockModel = (): TraceModel => buildModel(instantDeadlockEvents());

/**
 * main (G1) sends 1, 2, 3 into `messages` (cap 3, channel 1), blocks sending 4;
 * the consumer (G2) receives 1, which lets 4 in.
 */
export function bufferedEvents(): readonly TraceEvent[] {
  const t = trace()
    .main()
    .make(1, 1, 3, "messages")
    .spawn(1, 2, "consumer")
    .send(1, 1, "1", 1, { loc: "samples/buffered-channel.ts:18" })
    .send(1, 1, "2", 2, { loc: "samples/buffered-channel.ts:18" })
    .send(1, 1, "3", 3, { loc: "samples/buffered-channel.ts:18" })
    .block(1, "chan send", { ch: 1, v: "4", loc: "samples/buffered-channel.ts:18" })
    .run(2)
    .recv(2, 1, "1", { len: 2, from: 4 })
    .send(1, 1, "4", 3, { loc: "samples/buffered-channel.ts:18" })
    .unblock(1, 2)
    .exit(2)
    .run(1)
    .exit(1)
    .end("ok");
  return t.events;
}

export const bufferedModel = (): TraceModel => buildModel(bufferedEvents());

/** The first `n` events of a trace as the model a live run would show after them. */
export const prefixModel = (events: readonly TraceEvent[], n: number): TraceModel => buildModel(events.slice(0, n));
