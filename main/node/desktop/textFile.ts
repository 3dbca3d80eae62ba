// Writes a whole text file atomically (a temporary file beside it, renamed into
// place), for exports; traces go through the traces writer (main/node/files).
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let counter = 0;

export async function writeTextFileAtomic(path: string, text: string): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${(counter++).toString(36)}.tmp`);
  const file = await open(temp, "wx", 0o644);
  let renamed = false;
  try {
    await file.writeFile(text, "utf8");
    await file.sync();
    await file.close();
    await rename(temp, path);
    renamed = true;
    return Buffer.byteLength(text, "utf8");
  } finally {
    if (!renamed) {
      await file.close().catch(() => {});
      await unlink(temp).catch(() => {});
    }
  }
}
