import { chan, go, sleep, WaitGroup, type RecvChan, type SendChan } from "chanscope";

interface Download {
  readonly file: string;
  readonly chunks: number;
}

interface Progress {
  readonly file: string;
  readonly percent: number;
}

const downloads: readonly Download[] = [
  { file: "go1.23.linux-amd64.tar.gz", chunks: 5 },
  { file: "ubuntu-24.04.iso", chunks: 8 },
  { file: "dataset.csv", chunks: 2 },
  { file: "photos.zip", chunks: 4 },
  { file: "video.mp4", chunks: 6 },
];

async function download(d: Download, progress: SendChan<Progress>): Promise<void> {
  for (let chunk = 1; chunk <= d.chunks; chunk++) {
    await sleep(25); // one chunk over the network
    await progress.send({ file: d.file, percent: Math.round((100 * chunk) / d.chunks) });
  }
}

async function worker(jobs: RecvChan<Download>, progress: SendChan<Progress>): Promise<void> {
  for await (const d of jobs) {
    await download(d, progress);
  }
}

export default async function main(): Promise<void> {
  const jobs = chan<Download>(downloads.length, "downloads");
  const progress = chan<Progress>(0, "progress");
  const wg = new WaitGroup("workers");

  for (let w = 1; w <= 3; w++) {
    wg.add(1);
    go(async () => {
      await worker(jobs, progress);
      wg.done();
    }, `worker ${w}`);
  }
  for (const d of downloads) {
    await jobs.send(d);
  }
  jobs.close();

  go(async () => {
    await wg.wait();
    progress.close();
  }, "closer");

  const percent = new Map<string, number>();
  for await (const p of progress) {
    percent.set(p.file, p.percent);
  }
}
