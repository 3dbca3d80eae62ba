// npm run package:fuses -- <path to the packaged app's Electron binary>
// Run on the binary a packager produced, before it is signed.
import { applyFuses } from "./fuses";

const binary = process.argv[2];
if (binary === undefined) {
  console.error("usage: npm run package:fuses -- <path to the Electron binary>");
  process.exit(1);
}
try {
  await applyFuses(binary);
  console.log(`fuses set and checked: ${binary}`);
} catch (err) {
  console.error(`could not set the fuses of ${binary}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
