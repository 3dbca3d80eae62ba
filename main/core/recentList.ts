// The recent-files list as a value (the desktop stores it in a file, the web host in memory).
import type { RecentFile } from "../contract/hostApi";

export const RECENT_LIMIT = 10;

/** The list after `file` was opened: newest first, each path once, at most `limit` entries. */
export function withRecent(list: readonly RecentFile[], file: RecentFile, limit = RECENT_LIMIT): readonly RecentFile[] {
  return [file, ...list.filter((f) => f.path !== file.path)].slice(0, limit);
}
