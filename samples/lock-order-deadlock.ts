import { go, Mutex, sleep, WaitGroup } from "chanscope";

interface Account {
  readonly name: string;
  readonly mu: Mutex;
  balance: number;
}

function account(name: string, balance: number): Account {
  return { name, mu: new Mutex(`${name}.mu`), balance };
}

async function transfer(from: Account, to: Account, amount: number): Promise<void> {
  await from.mu.lock();
  await sleep(10); // check the balance
  await to.mu.lock(); // Bug: the other transfer takes the locks in the opposite order
  from.balance -= amount;
  to.balance += amount;
  to.mu.unlock();
  from.mu.unlock();
}

export default async function main(): Promise<void> {
  const alice = account("alice", 100);
  const bob = account("bob", 100);
  const wg = new WaitGroup("wg");
  wg.add(2);

  go(async () => {
    await transfer(alice, bob, 10);
    wg.done();
  }, "alice pays bob");

  go(async () => {
    await sleep(10); // bob's payment comes in just as alice's reaches for bob's lock
    await transfer(bob, alice, 20);
    wg.done();
  }, "bob pays alice");

  await wg.wait();
}
