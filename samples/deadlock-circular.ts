import { chan, go, WaitGroup } from "chanscope";

export default async function main(): Promise<void> {
  const a = chan<string>(0, "a"); // alice's inbox
  const b = chan<string>(0, "b"); // bob's inbox
  const wg = new WaitGroup("wg");
  wg.add(2);

  go(async () => {
    await b.send("hi bob");
    await a.recv(); // bob says hi back
    const question = await a.recv(); // alice waits for bob to ask first…
    await b.send(`re: ${question}`);
    wg.done();
  }, "alice");

  go(async () => {
    await b.recv(); // alice says hi
    await a.send("hi alice");
    const question = await b.recv(); // …and bob waits for alice to ask first
    await a.send(`re: ${question}`);
    wg.done();
  }, "bob");

  await wg.wait();
}
