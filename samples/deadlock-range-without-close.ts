import { chan, go, sleep, type RecvChan, type SendChan } from "chanscope";

async function producer(out: SendChan<number>): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    await sleep(10);
    await out.send(i);
  }
  // Bug: no out.close(), so the consumer's range never ends.
}

async function consumer(input: RecvChan<number>, done: SendChan<boolean>): Promise<void> {
  const received: number[] = [];
  for await (const v of input) {
    received.push(v);
  }
  await done.send(true);
}

export default async function main(): Promise<void> {
  const values = chan<number>(0, "values");
  const done = chan<boolean>(0, "done");
  go(() => producer(values), "producer");
  go(() => consumer(values, done), "consumer");
  await done.recv();
}
