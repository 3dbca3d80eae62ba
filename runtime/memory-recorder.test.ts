import { describe, expect, it } from "vitest";
import { nanos } from "../traces/units";
import { REASON } from "./codes";
import { MemoryRecorder, spareRowChunks } from "./memory-recorder";
import { NO_VALUE } from "./recorder";

const t0 = nanos(0);

describe("MemoryRecorder", () => {
  it("stores fewer than 24 bytes per event for channel traffic", () => {
    const rec = new MemoryRecorder();
    for (let i = 0; i < 200_000; i++) {
      const s = rec.send(t0, 2, 1, i, 0, 1, -1);
      rec.recv(t0, 1, 1, i, true, 0, 2, s, -1);
      rec.unblock(t0, 1, 2);
    }
    expect(rec.byteSize() / rec.count).toBeLessThan(24);
  });

  it("records a handoff exactly as its send, recv and unblock would be recorded", () => {
    // Across checkpoints, time changes, chunk ends and every kind of value the fast path declines.
    const values: unknown[] = [7, -1, 0, -0, 2 ** 31, 1.5, Number.NaN, "s", undefined, null, { a: 1 }, true];
    const record = (rec: MemoryRecorder, combined: boolean): void => {
      for (let i = 0; i < 30_000; i++) {
        const v = values[i % values.length];
        const t = nanos(Math.floor(i / 1000));
        const len = i % 5 === 0 ? 2 : 0;
        const sel = i % 7 === 0 ? 1 : -1;
        if (i % 3 === 0) rec.run(t, 1);
        if (combined) rec.handoff(t, 2, 1, 3, v, len, sel, -1, 1, 2);
        else {
          const seq = rec.send(t, 2, 3, v, len, 1, sel);
          rec.recv(t, 1, 3, v, true, len, 2, seq, -1);
          rec.unblock(t, 1, 2);
        }
      }
    };
    const a = new MemoryRecorder();
    const b = new MemoryRecorder();
    record(a, false);
    record(b, true);
    expect(b.count).toBe(a.count);
    expect(b.byteSize()).toBe(a.byteSize());
    expect(b.events(0, b.count)).toEqual(a.events(0, a.count));
    // The event limit falls inside a handoff.
    const c = new MemoryRecorder({ maxEvents: 65 });
    const d = new MemoryRecorder({ maxEvents: 65 });
    for (let i = 0; i < 30; i++) {
      const seq = c.send(t0, 2, 3, i, 0, 1, -1);
      c.recv(t0, 1, 3, i, true, 0, 2, seq, -1);
      c.unblock(t0, 1, 2);
      d.handoff(t0, 2, 1, 3, i, 0, -1, -1, 1, 2);
    }
    expect(d.count).toBe(c.count);
    expect(d.events(0, d.count)).toEqual(c.events(0, c.count));
  });

  it("materializes events with only the fields that are present", () => {
    const rec = new MemoryRecorder();
    rec.spawn(t0, 0, 1, "main");
    rec.block(nanos(5), 1, REASON.sleep, -1, -1, NO_VALUE, 9_000, -1, undefined);
    rec.block(nanos(5), 1, REASON["chan send"], 3, -1, undefined, Number.NaN, -1, undefined);
    rec.recv(nanos(6), 1, 3, undefined, false, 0, -1, -1, -1);
    rec.select(nanos(7), 1, { codes: Int32Array.of((3 << 1) | 1, 0), n: 2 }, Int32Array.of(0), 1, 0, true);
    expect(rec.events(0, rec.count)).toEqual([
      { seq: 0, t: 0, g: 0, kind: "spawn", child: 1, name: "main" },
      { seq: 1, t: 5, g: 1, kind: "block", reason: "sleep", until: 9000 },
      { seq: 2, t: 5, g: 1, kind: "block", reason: "chan send", ch: 3, v: "undefined" },
      { seq: 3, t: 6, g: 1, kind: "recv", ch: 3, v: "undefined", ok: false, len: 0 },
      {
        seq: 4,
        t: 7,
        g: 1,
        kind: "select",
        cases: [
          { ch: 3, dir: "recv" },
          { ch: null, dir: "send" },
        ],
        ready: [0],
        chosen: 0,
        hasDefault: true,
      },
    ]);
  });

  it("drops events past the limit, calls onLimit once, and still records end", () => {
    let hits = 0;
    const rec = new MemoryRecorder({ maxEvents: 3, onLimit: () => hits++ });
    for (let i = 0; i < 10; i++) rec.run(t0, 1);
    rec.end(t0, 3, "stopped", 0);
    expect(hits).toBe(1);
    expect(rec.count).toBe(4);
    expect(rec.events(0, 4).map((e) => e.kind)).toEqual(["run", "run", "run", "end"]);
  });

  it("keeps every event across row chunks, and finds any one by seq", () => {
    const rec = new MemoryRecorder();
    // Mixed row lengths (2 to 7 words) so rows end at every offset near a chunk boundary.
    for (let i = 0; i < 200_000; i++) {
      switch (i % 4) {
        case 0:
          rec.run(nanos(i), 1);
          break;
        case 1:
          rec.send(nanos(i), 2, 1, i, 0, 1, -1);
          break;
        case 2:
          rec.recv(nanos(i), 1, 1, i - 1, true, 0, 2, i - 1, 3);
          break;
        case 3:
          rec.block(nanos(i), 1, REASON["chan send"], 1, -1, 1.5, Number.NaN, -1, undefined);
          break;
      }
    }
    const all = rec.events(0, rec.count);
    expect(all).toHaveLength(200_000);
    all.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(e.t).toBe(i);
    });
    for (const seq of [0, 63, 64, 65, 65_535, 65_536, 104_857, 199_999]) expect(rec.event(seq)).toEqual(all[seq]);
    expect(all[199_998]).toMatchObject({ kind: "recv", v: "199997", from: 199_997, sel: 3 });
    expect(all[199_999]).toMatchObject({ kind: "block", v: "1.5" });
  });

  it("keeps the preview a sent object had for the receive that takes it", () => {
    const rec = new MemoryRecorder();
    const o = { n: 1 };
    const s = rec.send(t0, 1, 1, o, 1, -1, -1);
    o.n = 2;
    rec.recv(t0, 2, 1, o, true, 0, 1, s, -1);
    expect(rec.events(0, 2).map((e) => ("v" in e ? e.v : ""))).toEqual(["{n: 1}", "{n: 1}"]);
  });

  it("a handoff's recv on a checkpoint row still names its send and sender", () => {
    const rec = new MemoryRecorder();
    rec.run(t0, 1);
    // recvs land on even seqs, so seq 64 and 128 (checkpoints) are recvs.
    for (let i = 0; i < 100; i++) {
      const s = rec.send(t0, 2 + (i % 3), 1, i, 0, 1, -1);
      rec.recv(t0, 1, 1, i, true, 0, 2 + (i % 3), s, -1);
    }
    for (const seq of [64, 128, 130]) {
      expect(rec.event(seq)).toMatchObject({ kind: "recv", from: seq - 1, peer: rec.event(seq - 1).g });
    }
    expect(rec.events(60, 70)).toEqual(Array.from({ length: 10 }, (_, k) => rec.event(60 + k)));
  });

  it("hands a released trace's row chunks to the next recorder, which records the same events over the old rows", () => {
    const fill = (rec: MemoryRecorder, salt: number): void => {
      for (let i = 0; i < 150_000; i++) {
        const t = nanos(Math.floor(i / 5000));
        if (i % 4 === 0) rec.run(t, 1 + ((i + salt) % 3));
        else rec.handoff(t, 2, 1, 3, i * salt, i % 3, -1, -1, 1, 2);
      }
      rec.end(nanos(99), 0, undefined, -1);
    };
    const fresh = new MemoryRecorder();
    fill(fresh, 1);
    const old = new MemoryRecorder();
    fill(old, 7); // different values, so stale words would show
    const before = spareRowChunks();
    old.release();
    expect(spareRowChunks()).toBeGreaterThan(before);
    const reused = new MemoryRecorder();
    fill(reused, 1);
    expect(spareRowChunks()).toBe(before); // it took back every chunk the old trace gave
    expect(reused.count).toBe(fresh.count);
    expect(reused.events(0, reused.count)).toEqual(fresh.events(0, fresh.count));
  });

  it("refuses to read a released trace, with a message that says why", () => {
    const rec = new MemoryRecorder();
    rec.run(t0, 1);
    rec.release();
    rec.release(); // twice is harmless
    expect(() => rec.events(0, 1)).toThrow(/released/);
    expect(() => rec.event(0)).toThrow(/RunResult\.release\(\)/);
  });
});
