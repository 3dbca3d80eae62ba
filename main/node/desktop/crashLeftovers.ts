// What the desktop does at start for the files a crash left: its spill
// directories in the OS's temporary directory, and save or export temporaries
// beside the files it knows of (its recent files). See files/leftovers.ts.
import { dirname } from "node:path";
import { removeStaleSessions, removeStaleTemps, type IsAlive } from "../files/leftovers";
import type { RecentFiles } from "../recent/recentFiles";

export async function removeCrashLeftovers(deps: {
  readonly tempDir: string;
  readonly recent: Pick<RecentFiles, "list">;
  readonly isAlive?: IsAlive;
}): Promise<readonly string[]> {
  const sessions = await removeStaleSessions(deps.tempDir, deps.isAlive);
  const recent = await deps.recent.list().catch(() => []);
  const temps = await removeStaleTemps(
    recent.map((f) => dirname(f.path)),
    deps.isAlive,
  );
  return [...sessions, ...temps];
}
