import { chan, go, sleep, type RecvChan, type SendChan } from "chanscope";

async function producer(ch: SendChan<number>): Promise<void> {
  for (let i = 1; i <= 5; i++) {
    await sleep(10);
    await ch.send(i);
  }
  ch.close();
}

async function consumer(ch: RecvChan<number>, done: SendChan<boolean>): Promise<void> {
  const received: number[] = [];
  for await (const v of ch) {
    received.push(v);
  }
  await done.send(true);
}

export default async function main(): Promise<void> {
  const ch = chan<number>(0, "values");
  const done = chan<boolean>(0, "done");
  go(() => producer(ch), "producer");
  go(() => consumer(ch, done), "consumer");
  await done.recv();
}
