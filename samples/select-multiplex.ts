import { chan, go, recv, select, sleep } from "chanscope";

export default async function main(): Promise<void> {
  const c1 = chan<string>(0, "c1");
  const c2 = chan<string>(0, "c2");

  go(async () => {
    await sleep(100);
    await c1.send("one");
  }, "one");
  go(async () => {
    await sleep(200);
    await c2.send("two");
  }, "two");

  const received: string[] = [];
  for (let i = 0; i < 2; i++) {
    await select(
      recv(c1, (msg1) => received.push(msg1!)),
      recv(c2, (msg2) => received.push(msg2!)),
    );
  }
}
