// The samples' source text, read from the package's samples/ folder (Node only).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { SAMPLES, sampleById, type SampleMeta } from "../../samples/catalog/catalog";
import type { ProgramSource } from "../core/traceHeader";

const samplesDir = fileURLToPath(new URL("../../samples/", import.meta.url));

export async function sampleProgram(meta: SampleMeta): Promise<ProgramSource> {
  const path = `${samplesDir}${meta.id}.ts`;
  const source = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the source of sample '${meta.id}' at ${path}: ${err.code ?? err.message}`);
  });
  return { name: meta.title, id: meta.id, file: `samples/${meta.id}.ts`, source };
}

export { SAMPLES, sampleById };
