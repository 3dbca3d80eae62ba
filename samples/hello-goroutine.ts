import { chan, go, sleep, WaitGroup } from "chanscope";

export default async function main(): Promise<void> {
  const greetings = chan<string>(3, "greetings");
  const wg = new WaitGroup("wg");

  const names = ["Ada", "Grace", "Linus"];
  for (const [i, name] of names.entries()) {
    wg.add(1);
    go(async () => {
      await sleep(10 * (i + 1)); // each greeter takes its time
      await greetings.send(`hello, ${name}`);
      wg.done();
    }, `greeter ${name}`);
  }

  await wg.wait();
  greetings.close();

  const heard: string[] = [];
  for await (const greeting of greetings) {
    heard.push(greeting);
  }
}
