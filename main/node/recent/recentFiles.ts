// The recently opened files: a small JSON file in the app's data directory
// (app.getPath("userData") on the desktop). The list is ordered newest first,
// holds each path once and at most `limit` entries; a missing or damaged file
// reads as an empty list, so a bad store never keeps the app from starting.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { RecentFile } from "../../contract/hostApi";
import { RECENT_LIMIT, withRecent } from "../../core/recentList";

export const RECENT_FILES_NAME = "recent-files.json";

/** Pure: the entries of a parsed store that are well-formed; anything else is dropped. */
function parseRecentFiles(json: unknown): readonly RecentFile[] {
  const list = (json as { files?: unknown } | null)?.files;
  if (!Array.isArray(list)) return [];
  return list.flatMap((f: unknown): RecentFile[] => {
    const { path, name, kind } = (f ?? {}) as Record<string, unknown>;
    if (typeof path !== "string" || path === "" || (kind !== "trace" && kind !== "program")) return [];
    return [{ path, name: typeof name === "string" && name !== "" ? name : basename(path), kind }];
  });
}

export class RecentFiles {
  private readonly file: string;
  private cache: readonly RecentFile[] | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly limit = RECENT_LIMIT,
  ) {
    this.file = join(dir, RECENT_FILES_NAME);
  }

  async list(): Promise<readonly RecentFile[]> {
    if (this.cache === undefined) {
      try {
        this.cache = parseRecentFiles(JSON.parse(await readFile(this.file, "utf8")));
      } catch {
        this.cache = [];
      }
    }
    return this.cache;
  }

  async has(path: string): Promise<boolean> {
    return (await this.list()).some((f) => f.path === path);
  }

  /** Puts `path` first; resolves once the store is written. */
  async add(path: string, kind: RecentFile["kind"]): Promise<readonly RecentFile[]> {
    const next = withRecent(await this.list(), { path, name: basename(path), kind }, this.limit);
    this.cache = next;
    // Saves one after the other, each written whole and renamed into place.
    this.writing = this.writing.then(() => this.write(next)).catch(() => {});
    await this.writing;
    return next;
  }

  async clear(): Promise<void> {
    this.cache = [];
    this.writing = this.writing.then(() => this.write([])).catch(() => {});
    await this.writing;
  }

  private async write(files: readonly RecentFile[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: 1, files }, null, 2) + "\n");
    await rename(temp, this.file);
  }
}
