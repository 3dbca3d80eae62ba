// The temporary files chanscope makes, named so that a later start can tell
// its own leftovers from anything else: a save or export writes
// ".<name>.chanscope-<pid>-<time>-<n>.tmp" beside its target, and the
// desktop spills runs into "chanscope-session-<pid>-<random>" under the OS's
// temporary directory. A crash (or a kill) leaves them behind; the next start
// removes those whose process is gone — never a file that does not match, and
// never one of a process still running (another window, a CLI run).
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let tempCounter = 0;

const TEMP = /^\..+\.chanscope-(\d+)-[0-9a-z]+-[0-9a-z]+\.tmp$/;
const SESSION = /^chanscope-session-(\d+)-/;

/** The temporary file a save of `path` writes first, then renames into place. */
export function tempPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.chanscope-${process.pid}-${Date.now().toString(36)}-${(tempCounter++).toString(36)}.tmp`);
}

/** The prefix of this process's spill directory (mkdtemp adds the random end). */
export const sessionDirPrefix = (): string => `chanscope-session-${process.pid}-`;

/** Whether a process is alive: signal 0 checks without sending anything (EPERM: alive, not ours to signal). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code === "EPERM";
  }
}

export type IsAlive = (pid: number) => boolean;

const staleBy = (pattern: RegExp, name: string, isAlive: IsAlive): boolean => {
  const m = pattern.exec(name);
  return m !== null && Number(m[1]) !== process.pid && !isAlive(Number(m[1]));
};

async function removeStale(dir: string, pattern: RegExp, isAlive: IsAlive): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!staleBy(pattern, name, isAlive)) continue;
    const path = join(dir, name);
    await rm(path, { recursive: true, force: true }).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  return removed;
}

/** Removes the save and export temporaries a dead chanscope left in `dirs`; returns their paths. */
export async function removeStaleTemps(dirs: Iterable<string>, isAlive: IsAlive = processAlive): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) removed.push(...(await removeStale(dir, TEMP, isAlive)));
  return removed;
}

/** Removes the spill directories a dead chanscope left in `parentDir`; returns their paths. */
export function removeStaleSessions(parentDir: string, isAlive: IsAlive = processAlive): Promise<string[]> {
  return removeStale(parentDir, SESSION, isAlive);
}
