// The browser's side of files: a file input to pick one, a download to save
// one, and reading a picked or dropped file through the traces reader in
// chunks (the page stays responsive and shows progress on a huge file).
import type { TraceEvent } from "../../traces/events";
import { TraceReader, type ParsedTrace } from "../../traces/format";

/**
 * Opens the browser's file chooser. Call it straight from the user's gesture
 * (no await before it): browsers show a chooser only then. Undefined: cancelled.
 */
export function chooseFile(accept: string): Promise<File | undefined> {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = accept;
  return new Promise((resolve) => {
    input.addEventListener("change", () => resolve(input.files?.[0]), { once: true });
    input.addEventListener("cancel", () => resolve(undefined), { once: true });
    input.click();
  });
}

/** Saves text as a download; resolves to its size in bytes. */
export function download(name: string, text: string, type: string): number {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; give it a moment before letting the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

/** Reads a trace from a File, chunk by chunk, through the one traces reader. */
export async function readTraceBlob(file: Blob, onProgress: (bytesRead: number, totalBytes: number) => void): Promise<ParsedTrace> {
  const events: TraceEvent[] = [];
  const reader = new TraceReader({
    header: () => {},
    event: (e) => {
      events.push(e);
    },
  });
  const chunks = file.stream().getReader();
  let bytesRead = 0;
  try {
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      reader.push(value);
      bytesRead += value.length;
      onProgress(bytesRead, file.size);
    }
  } catch (err) {
    void chunks.cancel().catch(() => {});
    throw err;
  }
  const summary = reader.end();
  return { header: summary.header, events, warnings: summary.warnings, ended: summary.ended };
}
