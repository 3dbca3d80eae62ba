// `npm run bench`: every Node benchmark in one go, each in its own process so
// one's heap does not weigh on the next. Extra arguments pass through; with
// --json the benches' documents are joined into one (benchReport.ts).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { joinBenchReports } from "./benchReport";

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const args = process.argv.slice(2);
const json = args.includes("--json");
const benches: readonly { readonly name: string; readonly argv: readonly string[] }[] = [
  { name: "runtime", argv: ["--import", "tsx", here("runtime.bench.ts")] },
  { name: "model", argv: ["--expose-gc", "--import", "tsx", here("model.bench.ts")] },
  { name: "trace", argv: ["--import", "tsx", here("trace.bench.ts")] },
  { name: "locations", argv: ["--import", "tsx", here("locations.bench.ts")] },
  { name: "gofront", argv: ["--import", "tsx", here("gofront.bench.ts")] },
];
if (json) {
  // Each bench's progress and warnings still reach the terminal on stderr.
  const outputs = benches.map(({ name, argv }) => ({
    name,
    stdout: execFileSync(process.execPath, [...argv, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    }),
  }));
  console.log(JSON.stringify(joinBenchReports(outputs), null, 2));
} else {
  for (const { argv } of benches) execFileSync(process.execPath, [...argv, ...args], { stdio: "inherit" });
}
