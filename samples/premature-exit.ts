import { go, sleep } from "chanscope";

async function worker(id: number): Promise<void> {
  await sleep(id * 40); // the job takes a while
}

export default async function main(): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    go(() => worker(i), `worker ${i}`);
  }
  await sleep(50); // main's own work
  // Bug: no wg.wait(): main returns and takes the unfinished workers with it.
}
