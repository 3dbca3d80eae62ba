#!/usr/bin/env node
// `chanscope` on Node 20 without a build step: tsx compiles the TypeScript sources on load.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`chanscope explain … | head -1`) is not an error: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}
const { cli } = await import("./chanscope.ts");
const code = await cli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
process.exitCode = code;
