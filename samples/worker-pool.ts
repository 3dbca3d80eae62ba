import { chan, go, sleep, type RecvChan, type SendChan } from "chanscope";

async function worker(jobs: RecvChan<number>, results: SendChan<number>): Promise<void> {
  for await (const j of jobs) {
    await sleep(1000);
    await results.send(j * 2);
  }
}

export default async function main(): Promise<void> {
  const numJobs = 9;
  const jobs = chan<number>(numJobs, "jobs");
  const results = chan<number>(numJobs, "results");

  for (let w = 1; w <= 3; w++) {
    go(() => worker(jobs, results), `worker ${w}`);
  }

  for (let j = 1; j <= numJobs; j++) {
    await jobs.send(j);
  }
  jobs.close();

  const collected: number[] = [];
  for (let a = 1; a <= numJobs; a++) {
    collected.push((await results.recv())!);
  }
}
