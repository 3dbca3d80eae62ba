import { chan } from "chanscope";

export default async function main(): Promise<void> {
  const messages = chan<string>(0, "messages");
  await messages.send("hello"); // nobody will ever receive it
}
