// Programs the tests run as user code.

/** Records a few events (in real time, a spawn, a handoff, a short sleep), then spins forever without calling the runtime: only terminating its worker stops it. */
export const RUNAWAY_PROGRAM = `import { chan, go, sleep } from "chanscope";
export default async function main() {
  const c = chan<number>(1, "c");
  go(async () => { await c.send(1); }, "sender");
  await c.recv();
  await sleep(100);
  while (true) {}
}
`;

/**
 * The same program run in virtual time: its events are all recorded within the
 * runtime's first few milliseconds, before it spins — what a worker must hand
 * over before it is terminated.
 */
export const SPIN_AT_ONCE_PROGRAM = RUNAWAY_PROGRAM;
