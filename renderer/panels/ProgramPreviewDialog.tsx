// A program shown before it runs: a file the user opened (dropped, from the
// command line, the OS or Open Recent) or the program a trace carries. Nothing
// runs until the user presses Run; Cancel has the focus, so Enter does not run
// code by accident.

import { useEffect, useRef } from "react";
import type { ProgramPreview } from "../state/uiState";

export interface ProgramPreviewDialogProps {
  readonly preview: ProgramPreview;
  /** "electron" or "web": where the program would run. */
  readonly hostKind: string | undefined;
  readonly onRun: () => void;
  readonly onClose: () => void;
}

/** Where a program runs, in words: the desktop runs it on the user's computer, the browser in the page. */
function whereItRuns(hostKind: string | undefined): string {
  return hostKind === "web"
    ? "in this page, with what this page may do"
    : "on your computer, with your rights: it can do what any program you start can do";
}

export function ProgramPreviewDialog(p: ProgramPreviewDialogProps) {
  const { preview } = p;
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), [preview]);
  const fromTrace = preview.fromTrace;
  return (
    <div className="overlay-backdrop" onClick={p.onClose}>
      <div
        className="overlay program-preview"
        role="dialog"
        aria-modal="true"
        aria-labelledby="program-preview-title"
        data-testid="program-preview"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === "Escape" && p.onClose()}
      >
        {fromTrace === undefined ? (
          <>
            <h2 id="program-preview-title">{preview.name} has not run</h2>
            <p>It was opened, not run. Read it first; Run starts it {whereItRuns(p.hostKind)}.</p>
          </>
        ) : (
          <>
            <h2 id="program-preview-title">Run the program carried by {fromTrace}?</h2>
            <p>
              This trace carries the source of the program that made it. Whoever made the trace wrote this code. Running it runs it{" "}
              {whereItRuns(p.hostKind)}. Run it only if you trust where the trace came from.
            </p>
          </>
        )}
        <pre className="program-preview-source" data-testid="program-preview-source">
          {preview.source}
        </pre>
        <div className="program-preview-actions">
          <button type="button" ref={cancel} onClick={p.onClose}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={p.onRun} data-testid="program-preview-run">
            Run {preview.name}
          </button>
        </div>
      </div>
    </div>
  );
}
