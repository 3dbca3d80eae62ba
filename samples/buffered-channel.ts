import { chan, go, sleep } from "chanscope";

export default async function main(): Promise<void> {
  const messages = chan<number>(3, "messages");
  const done = chan<boolean>(0, "done");

  go(async () => {
    const received: number[] = [];
    await sleep(50); // a slow start
    for await (const msg of messages) {
      received.push(msg);
      await sleep(10);
    }
    await done.send(true);
  }, "consumer");

  for (let i = 1; i <= 4; i++) {
    await messages.send(i); // the 4th blocks: the buffer is full
  }
  messages.close();
  await done.recv();
}
