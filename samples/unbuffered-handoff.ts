import { chan, go, sleep, WaitGroup } from "chanscope";

export default async function main(): Promise<void> {
  const ping = chan<number>(0, "ping");
  const pong = chan<number>(0, "pong");
  const wg = new WaitGroup("wg");
  wg.add(2);

  go(async () => {
    let ball = 0;
    for (let round = 1; round <= 3; round++) {
      await sleep(10); // swing
      await ping.send(ball + 1);
      ball = (await pong.recv())!;
    }
    ping.close();
    wg.done();
  }, "ping");

  go(async () => {
    for await (const ball of ping) {
      await sleep(10); // swing
      await pong.send(ball + 1);
    }
    wg.done();
  }, "pong");

  await wg.wait();
}
