// A program shown before it runs: a file the user opened (dropped, from the
// command line, the OS or Open Recent) or the program a trace carries. Nothing
// runs until the user presses Run; Cancel has the focus, so Enter does not run
// code by accident. A program that failed to compile or load is shown the same
// way, at the line it failed at, with the compiler's FILE:LINE:COL: message.

import { useEffect, useRef } from "react";
import type { ProgramProblem } from "../../main/contract/hostApi";
import type { ProgramPreview } from "../state/uiState";
import { SourceLine } from "./SourceLine";
import { linesOf } from "./sourceView";

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

/** "prog.go:12:5": where a problem is, as a compiler prints it. */
export function problemPlace(p: ProgramProblem): string {
  return `${p.file}${p.line === undefined ? "" : `:${p.line}${p.column === undefined ? "" : `:${p.column}`}`}`;
}

/** What goes before a caret under column `column` (1-based) of `text`: its tabs kept, so the caret lines up in a <pre>. */
export function caretIndent(text: string, column: number | undefined): string {
  return text.slice(0, Math.max(0, (column ?? 1) - 1)).replace(/[^\t]/g, " ");
}

export function ProgramPreviewDialog(p: ProgramPreviewDialogProps) {
  const { preview } = p;
  const cancel = useRef<HTMLButtonElement>(null);
  const listing = useRef<HTMLPreElement>(null);
  useEffect(() => cancel.current?.focus(), [preview]);
  const problem = preview.problem;
  useEffect(() => {
    const box = listing.current;
    const el = box?.querySelector<HTMLElement>(".src-line.problem");
    if (box === null || box === undefined || el === null || el === undefined) return;
    // The line a third of the way down, with the lines before it in view.
    box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
  }, [problem]);
  const fromTrace = preview.fromTrace;
  const [firstMessage, ...moreMessages] = (problem?.message ?? "").split("\n");
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
        {problem !== undefined ? (
          <>
            <h2 id="program-preview-title">{preview.name} did not run</h2>
            <p className="program-problem" role="alert" data-testid="program-problem">
              <code>
                {problemPlace(problem)}: {firstMessage}
              </code>
              {moreMessages.map((m) => (
                <code key={m}>{m}</code>
              ))}
            </p>
          </>
        ) : fromTrace === undefined ? (
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
        {problem === undefined ? (
          <pre className="program-preview-source" data-testid="program-preview-source">
            {preview.source}
          </pre>
        ) : (
          <pre className="program-preview-source program-problem-source source-lines" data-testid="program-preview-source" ref={listing}>
            {linesOf(preview.source).map((text, k) =>
              k + 1 === problem.line ? (
                <SourceLine key={k} n={k + 1} text={text} mark="problem" note={`${caretIndent(text, problem.column)}^ ${firstMessage}`} />
              ) : (
                <SourceLine key={k} n={k + 1} text={text} />
              ),
            )}
          </pre>
        )}
        <div className="program-preview-actions">
          <button type="button" ref={cancel} onClick={p.onClose}>
            {problem === undefined ? "Cancel" : "Close"}
          </button>
          <button type="button" className="danger" onClick={p.onRun} data-testid="program-preview-run">
            Run {preview.name}
            {problem !== undefined && " again"}
          </button>
        </div>
      </div>
    </div>
  );
}
