// `export` when the disk says no: full, read-only, over quota. The file system
// is made to fail at the write seam (a real full or read-only disk cannot be
// had in a test that runs as root); each failure is one line naming the file,
// and the earlier export stays whole with no temporary file left.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type * as FsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serializeTrace } from "../../traces/format";
import { sampleTrace } from "../../traces/testing/fixtureTraces";
import { EXIT, cli } from "./chanscope";

/** The errno the next temporary file's writes (or its open) fail with, and where. */
const failure: { code: string | undefined; at: "open" | "write" } = { code: undefined, at: "write" };

vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated`), { code });
  const open: typeof fs.open = async (path, ...rest) => {
    const temp = String(path).endsWith(".tmp");
    if (temp && failure.code !== undefined && failure.at === "open") throw errno(failure.code);
    const handle = await fs.open(path, ...rest);
    if (!temp || failure.code === undefined) return handle;
    const code = failure.code;
    return new Proxy(handle, {
      get: (target, key, receiver) =>
        key === "write" ? () => Promise.reject(errno(code)) : (Reflect.get(target, key, receiver) as unknown),
    });
  };
  return { ...fs, default: { ...fs, open }, open };
});

let dir = "";
let out = "";
let err = "";
const chanscope = (...argv: string[]) => cli(argv, { out: (t: string) => void (out += t), err: (t: string) => void (err += t), cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chanscope-export-"));
  out = "";
  err = "";
  const { header, events } = sampleTrace();
  writeFileSync(join(dir, "t.jsonl"), serializeTrace(header, events));
  writeFileSync(join(dir, "t.json"), "the earlier export");
});
afterEach(() => {
  failure.code = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("chanscope export when the disk says no", () => {
  it.each([
    ["ENOSPC", "write", "cannot write the export (no space left on the device)"],
    ["EDQUOT", "write", "cannot write the export (the disk quota is used up)"],
    ["EROFS", "open", "cannot write the export (the file system is read-only)"],
    ["EACCES", "open", "cannot write the export (permission denied)"],
  ] as const)("%s on %s is one line, and the earlier export stays", async (code, at, message) => {
    failure.code = code;
    failure.at = at;
    expect(await chanscope("export", "--format", "chrome", "t.jsonl")).toBe(EXIT.usage);
    expect(err).toBe(`chanscope export: ${message}: ${join(dir, "t.json")}\n`);
    expect(readFileSync(join(dir, "t.json"), "utf8")).toBe("the earlier export");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
