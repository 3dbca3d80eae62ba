import { after, background, go, recv, select, WaitGroup, withTimeout, type Context } from "chanscope";

async function worker(ctx: Context, every: number, wg: WaitGroup): Promise<void> {
  for (;;) {
    const cancelled = await select(
      recv(ctx.done(), () => true),
      recv(after(every), () => false),
    );
    if (cancelled) break; // ctx.err() is DeadlineExceeded
    // …one round of periodic work…
  }
  wg.done();
}

export default async function main(): Promise<void> {
  const [ctx, cancel] = withTimeout(background(), 500);
  const wg = new WaitGroup("workers");

  for (let i = 1; i <= 3; i++) {
    wg.add(1);
    go(() => worker(ctx, i * 70, wg), `worker ${i}`);
  }

  await wg.wait();
  cancel();
}
