import { after, chan, go, recv, select, sleep, WaitGroup } from "chanscope";

async function fetch(url: string, latency: number): Promise<string> {
  await sleep(latency); // the network
  return `${url}: 200 OK`;
}

async function fetchWithTimeout(url: string, latency: number, timeout: number, wg: WaitGroup): Promise<string> {
  // Buffered, so the fetcher can always deliver and exit, even after we gave up on it.
  const result = chan<string>(1, `result ${url}`);
  wg.add(1);
  go(async () => {
    await result.send(await fetch(url, latency));
    wg.done();
  }, `fetch ${url}`);

  return select(
    recv(result, (body) => body!),
    recv(after(timeout), () => `${url}: timeout`),
  );
}

export default async function main(): Promise<void> {
  const wg = new WaitGroup("fetchers");
  const answers: string[] = [];
  answers.push(await fetchWithTimeout("fast.example", 50, 100, wg));
  answers.push(await fetchWithTimeout("slow.example", 300, 100, wg));
  await wg.wait(); // the slow fetcher still finishes before the program exits
}
