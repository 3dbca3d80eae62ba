import { chan, go, sleep, type RecvChan } from "chanscope";

function generate(...nums: number[]): RecvChan<number> {
  const out = chan<number>(0, "numbers");
  go(async () => {
    for (const n of nums) {
      await sleep(10); // numbers trickle in
      await out.send(n);
    }
    out.close();
  }, "generate");
  return out;
}

function square(input: RecvChan<number>): RecvChan<number> {
  const out = chan<number>(0, "squares");
  go(async () => {
    for await (const n of input) {
      await out.send(n * n);
    }
    out.close();
  }, "square");
  return out;
}

function filterOdd(input: RecvChan<number>): RecvChan<number> {
  const out = chan<number>(0, "odds");
  go(async () => {
    for await (const n of input) {
      if (n % 2 === 1) await out.send(n);
    }
    out.close();
  }, "filter odds");
  return out;
}

export default async function main(): Promise<void> {
  const printed: number[] = [];
  for await (const n of filterOdd(square(generate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))) {
    printed.push(n);
  }
}
