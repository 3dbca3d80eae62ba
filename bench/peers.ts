// The peers the runtime benchmarks measure against, on the benchmark workloads:
// js-csp (generators, its own dispatcher over macrotasks) and ts-chan
// (async/await, default safe mode: its documented configuration). Each
// function runs one workload of n operations and resolves to its wall time
// in ns. Shared by runtime.bench.ts and select-floor.ts so both measure the
// same peer code.

import { Chan as TsChan, Select as TsSelect, recv as tsRecv } from "ts-chan";

// js-csp ships no types; this is the part of its API the workloads use.
interface CspChannel {
  readonly __csp?: never;
}
interface Csp {
  chan(buffer?: number): CspChannel;
  go(gen: () => Generator<unknown, void, unknown>): unknown;
  put(ch: CspChannel, v: unknown): unknown;
  take(ch: CspChannel): unknown;
  alts(chs: CspChannel[]): unknown;
}
const cspModule = "js-csp";
// A CommonJS webpack bundle: depending on the loader's interop, the API is the namespace itself or its default export.
const cspImport = (await import(cspModule)) as Partial<Csp> & { default?: Csp };
const csp: Csp = typeof cspImport.chan === "function" ? (cspImport as Csp) : cspImport.default!;

export type Workload = "unbuffered ping-pong" | "buffered(100) producer-consumer" | "select over 4 channels" | "fan-in 8 -> 1";
export const WORKLOADS: readonly Workload[] = [
  "unbuffered ping-pong",
  "buffered(100) producer-consumer",
  "select over 4 channels",
  "fan-in 8 -> 1",
];

// ---- js-csp -------------------------------------------------------------------------

export function jsCsp(w: Workload, n: number): Promise<number> {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint();
    const finish = (): void => done(Number(process.hrtime.bigint() - t0));
    switch (w) {
      case "unbuffered ping-pong": {
        const a = csp.chan();
        const b = csp.chan();
        csp.go(function* () {
          for (let i = 0; i < n / 2; i++) yield csp.put(b, yield csp.take(a));
        });
        csp.go(function* () {
          for (let i = 0; i < n / 2; i++) {
            yield csp.put(a, i);
            yield csp.take(b);
          }
          finish();
        });
        return;
      }
      case "buffered(100) producer-consumer": {
        const c = csp.chan(100);
        csp.go(function* () {
          for (let i = 0; i < n; i++) yield csp.put(c, i);
        });
        csp.go(function* () {
          for (let i = 0; i < n; i++) yield csp.take(c);
          finish();
        });
        return;
      }
      case "select over 4 channels": {
        const cs = [csp.chan(), csp.chan(), csp.chan(), csp.chan()];
        for (const c of cs) {
          csp.go(function* () {
            for (let i = 0; i < n / 4; i++) yield csp.put(c, i);
          });
        }
        csp.go(function* () {
          for (let i = 0; i < n; i++) yield csp.alts(cs);
          finish();
        });
        return;
      }
      case "fan-in 8 -> 1": {
        const c = csp.chan();
        for (let p = 0; p < 8; p++) {
          csp.go(function* () {
            for (let i = 0; i < n / 8; i++) yield csp.put(c, i);
          });
        }
        csp.go(function* () {
          for (let i = 0; i < n; i++) yield csp.take(c);
          finish();
        });
        return;
      }
    }
  });
}

// ---- ts-chan (default, safe mode: its documented configuration) ---------------------------------

export async function tsChan(w: Workload, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  switch (w) {
    case "unbuffered ping-pong": {
      const a = new TsChan<number>(0);
      const b = new TsChan<number>(0);
      const echo = (async () => {
        for (let i = 0; i < n / 2; i++) await b.send((await a.recv()).value!);
      })();
      for (let i = 0; i < n / 2; i++) {
        await a.send(i);
        await b.recv();
      }
      await echo;
      break;
    }
    case "buffered(100) producer-consumer": {
      const c = new TsChan<number>(100);
      const producer = (async () => {
        for (let i = 0; i < n; i++) await c.send(i);
      })();
      for (let i = 0; i < n; i++) await c.recv();
      await producer;
      break;
    }
    case "select over 4 channels": {
      const cs = [new TsChan<number>(0), new TsChan<number>(0), new TsChan<number>(0), new TsChan<number>(0)];
      const producers = cs.map(async (c) => {
        for (let i = 0; i < n / 4; i++) await c.send(i);
      });
      const sel = new TsSelect(cs.map((c) => tsRecv(c)));
      for (let i = 0; i < n; i++) {
        const k = await sel.wait();
        sel.recv(sel.cases[k]!);
      }
      await Promise.all(producers);
      break;
    }
    case "fan-in 8 -> 1": {
      const c = new TsChan<number>(0);
      const producers = Array.from({ length: 8 }, async () => {
        for (let i = 0; i < n / 8; i++) await c.send(i);
      });
      for (let i = 0; i < n; i++) await c.recv();
      await Promise.all(producers);
      break;
    }
  }
  return Number(process.hrtime.bigint() - t0);
}
