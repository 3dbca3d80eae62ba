import { chan, go, sleep, WaitGroup } from "chanscope";

export default async function main(): Promise<void> {
  const values = chan<number>(0, "values");
  const wg = new WaitGroup("wg");
  wg.add(2);

  go(async () => {
    for (let i = 1; ; i++) {
      await values.send(i);
      await sleep(10);
    }
  }, "producer");

  go(async () => {
    await sleep(25);
    values.close(); // Bug: the producer is still sending
    wg.done();
  }, "closer");

  const received: number[] = [];
  for await (const v of values) {
    received.push(v);
  }
  await wg.wait();
}
