import { chan, go, Mutex, RWMutex, sleep, WaitGroup } from "chanscope";

export default async function main(): Promise<void> {
  // Part 1: 50 goroutines increment one counter under a Mutex.
  const mu = new Mutex("mu");
  const wg = new WaitGroup("incrementers");
  let count = 0;

  for (let i = 1; i <= 50; i++) {
    wg.add(1);
    go(async () => {
      await mu.lock();
      const read = count;
      await sleep(1); // the read-modify-write takes a while: without the lock, updates would be lost
      count = read + 1;
      mu.unlock();
      wg.done();
    }, `incrementer ${i}`);
  }
  await wg.wait();

  const total = chan<number>(1, "count");
  await total.send(count); // fmt.Println("count:", count)

  // Part 2: readers share an RWMutex; the writer waits until they are all out.
  const rw = new RWMutex("config lock");
  const rwg = new WaitGroup("readers and writer");
  let config = "v1";
  const seen = chan<string>(4, "seen");

  for (let r = 1; r <= 3; r++) {
    rwg.add(1);
    go(async () => {
      await rw.rLock();
      await sleep(20); // reading
      await seen.send(config);
      rw.rUnlock();
      rwg.done();
    }, `reader ${r}`);
  }
  rwg.add(1);
  go(async () => {
    await sleep(5);
    await rw.lock();
    config = "v2";
    rw.unlock();
    rwg.done();
  }, "writer");
  await rwg.wait();

  await rw.rLock();
  await seen.send(config);
  rw.rUnlock();
}
