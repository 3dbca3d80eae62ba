import {
  background,
  chan,
  go,
  newTicker,
  recv,
  select,
  send,
  WaitGroup,
  withTimeout,
  type Context,
  type SendChan,
} from "chanscope";

interface Quote {
  readonly exchange: string;
  readonly price: number; // cents
}

async function watch(ctx: Context, exchange: string, every: number, price: number, updates: SendChan<Quote>): Promise<void> {
  const ticker = newTicker(every);
  for (;;) {
    const tick = await select(
      recv(ctx.done(), () => false),
      recv(ticker.c, () => true),
    );
    if (!tick) break;
    price += (price % 7) - 3; // a deterministic wobble
    const sent = await select(
      send(updates, { exchange, price }, () => true),
      recv(ctx.done(), () => false),
    );
    if (!sent) break;
  }
  ticker.stop();
}

export default async function main(): Promise<void> {
  const [ctx, cancel] = withTimeout(background(), 1000);
  const updates = chan<Quote>(0, "updates");
  const wg = new WaitGroup("watchers");

  const exchanges = [
    { name: "NYSE", every: 150, price: 18_250 },
    { name: "NASDAQ", every: 220, price: 41_075 },
    { name: "LSE", every: 370, price: 9_630 },
  ];
  for (const ex of exchanges) {
    wg.add(1);
    go(async () => {
      await watch(ctx, ex.name, ex.every, ex.price, updates);
      wg.done();
    }, `watch ${ex.name}`);
  }

  const latest = new Map<string, number>();
  let open = true;
  while (open) {
    open = await select(
      recv(updates, (q) => {
        latest.set(q!.exchange, q!.price);
        return true;
      }),
      recv(ctx.done(), () => false),
    );
  }
  cancel();
  await wg.wait();
}
