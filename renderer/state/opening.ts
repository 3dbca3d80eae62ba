// Opening a trace as the status line tells it: the host reads and checks the
// file, then the window builds the timeline's model.

import type { OpenProgress } from "../../main/contract/hostApi";
import type { OpeningState } from "./uiState";

/** The host's reading progress; once the whole file is read, the model is built next. */
export function openingOfProgress(p: OpenProgress): OpeningState {
  if (p.totalBytes !== undefined && p.bytesRead >= p.totalBytes) return { name: p.name, phase: "building" };
  return p.totalBytes === undefined
    ? { name: p.name, phase: "reading", bytesRead: p.bytesRead }
    : { name: p.name, phase: "reading", bytesRead: p.bytesRead, totalBytes: p.totalBytes };
}

/** "Opening pool.trace.jsonl… 45%", "Building the timeline of pool.trace.jsonl… 80%". */
export function openingText(s: OpeningState): string {
  const what = s.phase === "reading" ? `Opening ${s.name}…` : `Building the timeline of ${s.name}…`;
  if (s.bytesRead === undefined || s.totalBytes === undefined || s.totalBytes <= 0) return what;
  return `${what} ${Math.min(100, Math.round((100 * s.bytesRead) / s.totalBytes))}%`;
}
