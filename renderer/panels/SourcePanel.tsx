// The program's source with the line of the focused event highlighted (the
// selected event, else the one at the playhead), and in the gutter the
// goroutines parked on each line at this moment.

import { useEffect, useMemo, useRef } from "react";
import type { GoroutineId } from "../../traces/events";
import type { ModelState, TraceModel } from "../../traces/model/index";
import { goroutineTag } from "../../traces/vocabulary/index";
import { stateColor, textOnColor, type ThemeName } from "../theme/palette";
import { parkedByLine, type ProgramSource } from "./sourceView";

/** Badges that fit the gutter; more parked goroutines on a line show as "+N". */
const MAX_BADGES = 2;

export interface SourcePanelProps {
  readonly source: ProgramSource | undefined;
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly line: number | undefined;
  readonly theme: ThemeName;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
}

export function SourcePanel(p: SourcePanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const parked = useMemo(() => parkedByLine(p.state), [p.state]);
  useEffect(() => {
    if (p.line === undefined) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-line="${p.line}"]`);
    const box = scroller.current;
    if (el === null || el === undefined || box === null) return;
    // Centre the line only when it is out of view: stepping within one function keeps the code still.
    const top = el.offsetTop;
    if (top < box.scrollTop + 20 || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = top - box.clientHeight / 2;
  }, [p.line, p.source]);
  if (p.source === undefined) {
    return <p className="muted panel-empty">This trace carries no program source.</p>;
  }
  return (
    <div className="source" ref={scroller} data-testid="source" data-highlight={p.line ?? ""}>
      <div className="source-file muted">{p.source.file}</div>
      <pre className="source-lines">
        {p.source.lines.map((text, k) => {
          const n = k + 1;
          const here = parked.get(n);
          return (
            <div key={n} className={n === p.line ? "src-line current" : "src-line"} data-line={n}>
              <span className="src-gutter">
                {here !== undefined && here.length > MAX_BADGES && (
                  <span className="src-parked more" title={`Parked here: ${here.map(goroutineTag).join(", ")}`}>
                    +{here.length - MAX_BADGES + 1}
                  </span>
                )}
                {here?.slice(0, here.length > MAX_BADGES ? MAX_BADGES - 1 : MAX_BADGES).map((g) => {
                  const st = p.state.goroutine(g)?.state;
                  const fill = st === undefined ? "#888888" : stateColor(st, p.theme);
                  return (
                    <button
                      type="button"
                      key={g}
                      className="src-parked"
                      style={{ background: fill, color: textOnColor(fill) }}
                      title={`${goroutineTag(g)} is parked here`}
                      onClick={() => p.onSelectGoroutine(g)}
                    >
                      {goroutineTag(g)}
                    </button>
                  );
                })}
              </span>
              <span className="src-num">{n}</span>
              <code className="src-text">{text === "" ? " " : text}</code>
            </div>
          );
        })}
      </pre>
    </div>
  );
}
