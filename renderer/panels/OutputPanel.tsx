// What the program printed, one row per line beside the goroutine that
// printed it and when, virtualized like the event list (a run keeps up to
// 10,000 lines). The last line printed at or before the playhead is
// highlighted and kept in view; clicking a line moves the playhead to it and
// selects it, as a click in the event list does. stderr lines stand out.

import { useEffect, useRef, type Dispatch } from "react";
import type { EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { formatTime } from "../../traces/vocabulary/index";
import type { ThemeName } from "../theme/palette";
import type { Selection } from "../timeline/contract";
import type { UiAction } from "../state/actions";
import { GoroutineChip } from "./chips";
import { useVirtualRows } from "./LongLists";
import { outputLine, outputRowAtOrBefore } from "./outputView";

const ROW_HEIGHT = 22;

export interface OutputPanelProps {
  readonly model: TraceModel;
  readonly playhead: EventIndex;
  readonly selection: Selection | undefined;
  readonly theme: ThemeName;
  readonly dispatch: Dispatch<UiAction>;
}

export function OutputPanel(p: OutputPanelProps) {
  const { model, dispatch } = p;
  const count = model.output.length;
  const scroller = useRef<HTMLDivElement>(null);
  const { first, last, onScroll } = useVirtualRows(scroller, count, ROW_HEIGHT);

  // Keep the line the playhead has reached in view as it moves.
  const currentRow = outputRowAtOrBefore(model, p.playhead);
  useEffect(() => {
    const el = scroller.current;
    if (el === null || currentRow < 0) return;
    const top = currentRow * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
  }, [currentRow]);

  const selectedIndex = p.selection?.kind === "event" ? p.selection.index : undefined;
  const rows = [];
  for (let r = first; r < last; r++) {
    const line = outputLine(model, r);
    const classes = ["out-row", line.stream];
    if (r === currentRow) classes.push("at-playhead");
    else if (r > currentRow) classes.push("future");
    if (line.index === selectedIndex) classes.push("selected");
    rows.push(
      <div
        key={line.index}
        className={classes.join(" ")}
        style={{ top: r * ROW_HEIGHT }}
        role="row"
        aria-selected={line.index === selectedIndex}
        data-index={line.index}
        data-stream={line.stream}
        title={`${line.stream}${line.loc === undefined ? "" : ` · ${line.loc}`} · event ${line.index.toLocaleString("en")}`}
        onClick={() => dispatch({ type: "event/activated", index: line.index })}
      >
        <span className="out-time">{formatTime(line.t)}</span>
        <span className="out-g">
          <GoroutineChip model={model} g={line.g} theme={p.theme} />
        </span>
        <span className="out-line">{line.line ?? ""}</span>
        <span className="out-text">{line.text === "" ? "\u00a0" : line.text}</span>
      </div>,
    );
  }

  return (
    <div className="output-panel" data-testid="output-panel">
      <div className="out-header" role="row">
        <span className="out-time">time</span>
        <span className="out-g">goroutine</span>
        <span className="out-line">line</span>
        <span className="out-text">printed</span>
      </div>
      <div className="out-scroller" ref={scroller} onScroll={onScroll} role="grid" aria-rowcount={count}>
        <div className="out-spacer" style={{ height: count * ROW_HEIGHT }}>
          {rows}
        </div>
        {count === 0 && (
          <p className="muted panel-empty">
            Nothing printed{model.complete ? "" : " yet"}. What the program prints with console.log or console.error shows here, beside the
            goroutine that printed it.
          </p>
        )}
      </div>
    </div>
  );
}
