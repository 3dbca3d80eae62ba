// One numbered line of a program's source, as the source panel and the
// program dialog show it: a gutter (the panel's parked goroutines), the line's
// number and its text. `mark`: the playhead's line, or a line the program
// failed at.

import type { ReactNode } from "react";

export interface SourceLineProps {
  readonly n: number;
  readonly text: string;
  readonly mark?: "current" | "problem";
  readonly gutter?: ReactNode;
  /** Shown under the line (a compile error's message). */
  readonly note?: string;
}

export function SourceLine(p: SourceLineProps) {
  return (
    <>
      <div className={p.mark === undefined ? "src-line" : `src-line ${p.mark}`} data-line={p.n}>
        <span className="src-gutter">{p.gutter}</span>
        <span className="src-num">{p.n}</span>
        <code className="src-text">{p.text === "" ? " " : p.text}</code>
      </div>
      {p.note !== undefined && (
        <div className="src-line-note" role="note">
          {p.note}
        </div>
      )}
    </>
  );
}
