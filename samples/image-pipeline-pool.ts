import { chan, go, sleep, WaitGroup, type RecvChan, type SendChan } from "chanscope";

interface Image {
  readonly name: string;
  readonly kb: number;
}

const files: readonly Image[] = [
  { name: "beach.png", kb: 800 },
  { name: "city.png", kb: 1200 },
  { name: "forest.png", kb: 400 },
  { name: "mountain.png", kb: 1600 },
  { name: "river.png", kb: 600 },
  { name: "desert.png", kb: 1000 },
  { name: "lake.png", kb: 200 },
  { name: "canyon.png", kb: 1400 },
  { name: "glacier.png", kb: 900 },
  { name: "meadow.png", kb: 500 },
  { name: "island.png", kb: 700 },
  { name: "valley.png", kb: 1100 },
];

async function resize(img: Image): Promise<Image> {
  await sleep(img.kb / 20); // 1 ms per 20 KB
  return { name: img.name, kb: Math.round(img.kb / 4) };
}

async function compress(img: Image): Promise<string> {
  await sleep(img.kb / 10);
  return img.name.replace(".png", ".jpg");
}

async function worker(images: RecvChan<Image>, processed: SendChan<string>): Promise<void> {
  for await (const img of images) {
    const small = await resize(img);
    await processed.send(await compress(small));
  }
}

export default async function main(): Promise<void> {
  const images = chan<Image>(3, "images");
  const processed = chan<string>(0, "processed");
  const wg = new WaitGroup("workers");

  for (let i = 1; i <= 5; i++) {
    wg.add(1);
    go(async () => {
      await worker(images, processed);
      wg.done();
    }, `worker ${i}`);
  }

  go(async () => {
    for (const img of files) {
      await images.send(img);
    }
    images.close();
  }, "feeder");

  go(async () => {
    await wg.wait();
    processed.close();
  }, "closer");

  const thumbnails: string[] = [];
  for await (const name of processed) {
    thumbnails.push(name);
  }
}
