import { chan, go, sleep, WaitGroup, type RecvChan } from "chanscope";

function generate(...nums: number[]): RecvChan<number> {
  const out = chan<number>(0, "numbers");
  go(async () => {
    for (const n of nums) await out.send(n);
    out.close();
  }, "generate");
  return out;
}

function square(input: RecvChan<number>, name: string): RecvChan<number> {
  const out = chan<number>(0, `${name} out`);
  go(async () => {
    for await (const n of input) {
      await sleep(10 + n); // squaring is slow: that is why we fan out
      await out.send(n * n);
    }
    out.close();
  }, name);
  return out;
}

function merge(...cs: RecvChan<number>[]): RecvChan<number> {
  const wg = new WaitGroup("merge");
  const out = chan<number>(0, "merged");

  const output = async (c: RecvChan<number>): Promise<void> => {
    for await (const n of c) await out.send(n);
    wg.done();
  };
  wg.add(cs.length);
  cs.forEach((c, i) => go(() => output(c), `output ${i + 1}`));

  go(async () => {
    await wg.wait();
    out.close();
  }, "closer");
  return out;
}

export default async function main(): Promise<void> {
  const input = generate(1, 2, 3, 4, 5, 6, 7, 8);

  // Fan out: four workers read from the same channel.
  const c1 = square(input, "worker 1");
  const c2 = square(input, "worker 2");
  const c3 = square(input, "worker 3");
  const c4 = square(input, "worker 4");

  // Fan in: merge their outputs into one channel.
  const squares: number[] = [];
  for await (const n of merge(c1, c2, c3, c4)) {
    squares.push(n);
  }
}
