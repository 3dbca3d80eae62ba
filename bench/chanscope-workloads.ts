// The four benchmark workloads as chanscope programs: the main goroutine of
// each, run inside run() by runtime.bench.ts (tracing off and on), by
// select-floor.ts and by runtime-compare.ts (which passes another checkout's
// runtime). The peers' versions are in peers.ts.

import * as runtime from "../runtime/index";
import type { Workload } from "./peers";

/** The runtime API the workloads use: this checkout's, or another's of the same shape. */
export type WorkloadRuntime = Pick<typeof runtime, "chan" | "go" | "recv" | "select">;

export async function chanscopeWorkload(w: Workload, n: number, rt: WorkloadRuntime = runtime): Promise<void> {
  const { chan, go, recv, select } = rt;
  switch (w) {
    case "unbuffered ping-pong": {
      const a = chan<number>();
      const b = chan<number>();
      go(async () => {
        for (let i = 0; i < n / 2; i++) await b.send((await a.recv())!);
      });
      for (let i = 0; i < n / 2; i++) {
        await a.send(i);
        await b.recv();
      }
      return;
    }
    case "buffered(100) producer-consumer": {
      const c = chan<number>(100);
      go(async () => {
        for (let i = 0; i < n; i++) await c.send(i);
      });
      for (let i = 0; i < n; i++) await c.recv();
      return;
    }
    case "select over 4 channels": {
      const cs = [chan<number>(), chan<number>(), chan<number>(), chan<number>()] as const;
      for (const c of cs) {
        go(async () => {
          for (let i = 0; i < n / 4; i++) await c.send(i);
        });
      }
      const [c0, c1, c2, c3] = cs;
      for (let i = 0; i < n; i++) await select(recv(c0), recv(c1), recv(c2), recv(c3));
      return;
    }
    case "fan-in 8 -> 1": {
      const c = chan<number>();
      for (let p = 0; p < 8; p++) {
        go(async () => {
          for (let i = 0; i < n / 8; i++) await c.send(i);
        });
      }
      for (let i = 0; i < n; i++) await c.recv();
      return;
    }
  }
}
