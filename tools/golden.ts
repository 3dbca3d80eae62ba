// Regenerates the golden traces: every sample run with seed 1 (fifo), written
// to traces/examples/<id>.trace.jsonl. `npm run golden`. The golden-trace test
// fails when a fresh run differs from these files, which guards determinism.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serializeTrace } from "../traces/format/index";
import { SAMPLES, sampleProgram } from "../main/cli/sampleFiles";
import { GOLDEN_OPTIONS, goldenPath } from "../main/testing/golden";
import { runProgram } from "../main/core/runProgram";

const root = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(`${root}traces/examples`, { recursive: true });
for (const meta of SAMPLES) {
  const { header, result } = await runProgram(await sampleProgram(meta), GOLDEN_OPTIONS);
  const text = serializeTrace(header, result.events);
  writeFileSync(`${root}${goldenPath(meta.id)}`, text);
  console.log(`${goldenPath(meta.id)}  ${result.status}  ${result.eventCount} events  ${text.length} bytes`);
}
