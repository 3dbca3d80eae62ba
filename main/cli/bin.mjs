#!/usr/bin/env node
// `chanscope` on Node 20 without a build step: tsx compiles the TypeScript sources on load.
import { register } from "tsx/esm/api";

register();
const { cli } = await import("./chanscope.ts");
const code = await cli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
process.exitCode = code;
