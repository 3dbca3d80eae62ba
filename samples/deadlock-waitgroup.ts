import { go, sleep, WaitGroup } from "chanscope";

async function worker(ms: number, wg: WaitGroup): Promise<void> {
  await sleep(ms); // some work
  wg.done();
}

export default async function main(): Promise<void> {
  const wg = new WaitGroup("wg");
  wg.add(3); // Bug: three, but only two workers are started.
  go(() => worker(10, wg), "worker 1");
  go(() => worker(20, wg), "worker 2");
  await wg.wait();
}
