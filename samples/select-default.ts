import { chan, otherwise, recv, select, send } from "chanscope";

export default async function main(): Promise<void> {
  const messages = chan<string>(2, "messages");
  const signals = chan<boolean>(0, "signals");
  const log: string[] = [];

  // A non-blocking receive: nothing has been sent yet, so the default runs.
  await select(
    recv(messages, (msg) => log.push(`received message ${msg}`)),
    otherwise(() => log.push("no message received")),
  );

  // Non-blocking sends: they succeed while the buffer has room.
  for (const msg of ["hi", "hello", "hey"]) {
    await select(
      send(messages, msg, () => log.push(`sent message ${msg}`)),
      otherwise(() => log.push(`no message sent: ${msg}`)),
    );
  }

  // A multi-way non-blocking select.
  await select(
    recv(messages, (msg) => log.push(`received message ${msg}`)),
    recv(signals, (sig) => log.push(`received signal ${sig}`)),
    otherwise(() => log.push("no activity")),
  );
}
