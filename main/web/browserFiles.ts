// The browser's side of files: a file input to pick one, a download to save
// one (reading one is blobTrace.ts).

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

/** Saves text or bytes as a download; returns its size in bytes. */
export function download(name: string, parts: readonly (string | Uint8Array)[], type: string): number {
  // The bytes are our own blocks (plain ArrayBuffers), never shared memory.
  const blob = new Blob(parts as BlobPart[], { type });
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
