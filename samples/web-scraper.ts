import { chan, go, sleep } from "chanscope";

interface Page {
  readonly url: string;
  readonly status: number;
  readonly ms: number;
}

// Simulated network latency per site, in milliseconds.
const latency: Record<string, number> = {
  "https://go.dev": 120,
  "https://pkg.go.dev": 300,
  "https://gobyexample.com": 80,
  "https://go.dev/tour": 210,
  "https://github.com/golang/go": 160,
};

async function fetch(url: string): Promise<Page> {
  const ms = latency[url] ?? 100;
  await sleep(ms);
  return { url, status: 200, ms };
}

export default async function main(): Promise<void> {
  const urls = Object.keys(latency);
  const results = chan<Page>(0, "results");

  for (const url of urls) {
    go(async () => {
      const page = await fetch(url);
      await results.send(page);
    }, `fetch ${url}`);
  }

  const pages: Page[] = [];
  for (let i = 0; i < urls.length; i++) {
    pages.push((await results.recv())!);
  }
}
