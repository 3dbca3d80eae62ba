// The program's source with the line of the focused event highlighted (the
// selected event, else the one at the playhead), and in the gutter the
// goroutines parked on each line at this moment. A sample's other version (its
// Go original beside the TypeScript program) is a second tab, to read only.

import { useEffect, useMemo, useRef, useState } from "react";
import type { GoroutineId } from "../../traces/events";
import type { ModelState, TraceModel } from "../../traces/model/index";
import { goroutineTag } from "../../traces/vocabulary/index";
import { stateColor, textOnColor, type ThemeName } from "../theme/palette";
import { SourceLine } from "./SourceLine";
import { parkedByLine, type ProgramSource, type ProgramSources } from "./sourceView";

/** Badges that fit the gutter; more parked goroutines on a line show as "+N". */
const MAX_BADGES = 2;

export interface SourcePanelProps {
  readonly source: ProgramSources | undefined;
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly line: number | undefined;
  readonly theme: ThemeName;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
}

type Tab = "ran" | "other";

export function SourcePanel(p: SourcePanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [tab, setTab] = useState<Tab>("ran");
  const parked = useMemo(() => parkedByLine(p.state), [p.state]);
  // A new program opens on the version that ran.
  useEffect(() => setTab("ran"), [p.source?.ran.file]);
  // The other version is read from its top.
  useEffect(() => {
    if (tab === "other" && scroller.current !== null) scroller.current.scrollTop = 0;
  }, [tab]);
  useEffect(() => {
    if (p.line === undefined || tab !== "ran") return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-line="${p.line}"]`);
    const box = scroller.current;
    if (el === null || el === undefined || box === null) return;
    // Centre the line only when it is out of view: stepping within one function keeps the code still.
    const top = el.offsetTop;
    if (top < box.scrollTop + 20 || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = top - box.clientHeight / 2;
  }, [p.line, p.source, tab]);
  if (p.source === undefined) {
    return <p className="muted panel-empty">This trace carries no program source.</p>;
  }
  const { ran, other } = p.source;
  const shown = tab === "other" && other !== undefined ? other : ran;
  const reading = shown !== ran;
  return (
    <div
      className="source"
      ref={scroller}
      data-testid="source"
      data-highlight={reading ? "" : (p.line ?? "")}
      data-language={shown.language}
    >
      <div className="source-top">
        <div className="source-head">
          {other !== undefined && (
            <div className="source-tabs" role="tablist" aria-label="Versions of the program">
              {[ran, other].map((s) => (
                <button
                  type="button"
                  role="tab"
                  key={s.file}
                  className="list-tab source-tab"
                  aria-selected={s === shown}
                  data-testid="source-tab"
                  data-language={s.language}
                  onClick={() => setTab(s === ran ? "ran" : "other")}
                  title={s === ran ? `${s.file}: the version that ran` : `${s.file}: to read beside it`}
                >
                  {s.language}
                  {s === ran && <span className="source-tab-ran">ran</span>}
                </button>
              ))}
            </div>
          )}
          <span className="source-file muted">{shown.file}</span>
        </div>
        {reading && (
          <p className="source-note" data-testid="source-note">
            To read only: the {ran.language} version ran, and its lines follow the playhead in the {ran.language} tab.
          </p>
        )}
      </div>
      <pre className="source-lines">{reading ? <PlainLines source={shown} /> : <RanLines {...p} source={shown} parked={parked} />}</pre>
    </div>
  );
}

function PlainLines({ source }: { readonly source: ProgramSource }) {
  return source.lines.map((text, k) => <SourceLine key={k} n={k + 1} text={text} />);
}

function RanLines(
  p: Omit<SourcePanelProps, "source"> & { readonly source: ProgramSource; readonly parked: ReadonlyMap<number, readonly GoroutineId[]> },
) {
  return p.source.lines.map((text, k) => {
    const n = k + 1;
    const here = p.parked.get(n);
    return (
      <SourceLine
        key={n}
        n={n}
        text={text}
        {...(n === p.line ? { mark: "current" as const } : {})}
        gutter={
          here === undefined ? undefined : <ParkedBadges here={here} state={p.state} theme={p.theme} onSelect={p.onSelectGoroutine} />
        }
      />
    );
  });
}

function ParkedBadges(p: {
  readonly here: readonly GoroutineId[];
  readonly state: ModelState;
  readonly theme: ThemeName;
  readonly onSelect: (g: GoroutineId) => void;
}) {
  const { here } = p;
  return (
    <>
      {here.length > MAX_BADGES && (
        <span className="src-parked more" title={`Parked here: ${here.map(goroutineTag).join(", ")}`}>
          +{here.length - MAX_BADGES + 1}
        </span>
      )}
      {here.slice(0, here.length > MAX_BADGES ? MAX_BADGES - 1 : MAX_BADGES).map((g) => {
        const st = p.state.goroutine(g)?.state;
        const fill = st === undefined ? "#888888" : stateColor(st, p.theme);
        return (
          <button
            type="button"
            key={g}
            className="src-parked"
            style={{ background: fill, color: textOnColor(fill) }}
            title={`${goroutineTag(g)} is parked here`}
            onClick={() => p.onSelect(g)}
          >
            {goroutineTag(g)}
          </button>
        );
      })}
    </>
  );
}
