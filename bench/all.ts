// `npm run bench`: every Node benchmark in one go, each in its own process so
// one's heap does not weigh on the next. Extra arguments (e.g. --json) pass through.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const args = process.argv.slice(2);
const benches: readonly (readonly string[])[] = [
  ["--import", "tsx", here("runtime.bench.ts")],
  ["--expose-gc", "--import", "tsx", here("model.bench.ts")],
  ["--import", "tsx", here("trace.bench.ts")],
  ["--import", "tsx", here("locations.bench.ts")],
];
for (const bench of benches) {
  execFileSync(process.execPath, [...bench, ...args], { stdio: "inherit" });
}
