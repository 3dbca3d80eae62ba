import { after, chan, go, recv, select, sleep } from "chanscope";

async function fetchWithTimeout(url: string, latency: number, timeout: number): Promise<string> {
  // Bug: unbuffered. Once we stop waiting, nobody will ever take the fetcher's result.
  const result = chan<string>(0, "result");
  go(async () => {
    await sleep(latency); // the network
    await result.send(`${url}: 200 OK`);
  }, "fetcher");

  return select(
    recv(result, (body) => body!),
    recv(after(timeout), () => `${url}: timeout`),
  );
}

export default async function main(): Promise<void> {
  await fetchWithTimeout("slow.example", 200, 100); // "slow.example: timeout"
  await sleep(300); // main goes on with other work; the fetcher is stuck from 200 ms on
}
