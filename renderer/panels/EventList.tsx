// Every event, one row each, virtualized (only the rows in view are in the
// DOM, so a million events scroll smoothly), filterable by goroutine, channel
// and kind, and searchable. Clicking a row moves the playhead there and selects it.

import { useDeferredValue, useEffect, useMemo, useRef, type CSSProperties, type Dispatch } from "react";
import { channelId, goroutineId, type EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { channelLabelOf, eventPhrase, formatTime, goroutineLabelOf, goroutineTag } from "../../traces/vocabulary/index";
import { channelColor, type ThemeName } from "../theme/palette";
import type { Selection } from "../timeline/contract";
import type { UiAction } from "../state/actions";
import { filterEvents, isFiltering, isKindFilterKey, KIND_GROUPS, rowAtOrBefore } from "../state/eventFilter";
import { parseLoc } from "../state/sourceLoc";
import type { FilterState } from "../state/uiState";
import { EVENT_KINDS } from "../../traces/model/index";
import { firstOf } from "./listWindow";
import { useVirtualRows } from "./LongLists";

const ROW_HEIGHT = 22;

/** Locations all name the program's own file: the line number is what tells rows apart. */
const lineOf = (loc: string | undefined): string => {
  const l = parseLoc(loc);
  return l === undefined ? "" : String(l.line);
};
const OVERSCAN = 8;
/** Goroutines (and channels) a filter menu lists: a menu of 300,000 is no use, and costs seconds to build. */
const FILTER_OPTIONS = 1000;

const moreOptions = (hidden: number, what: string): string => `… ${hidden.toLocaleString("en")} more ${what}, not listed`;

export interface EventListProps {
  readonly model: TraceModel;
  readonly filters: FilterState;
  readonly playhead: EventIndex;
  readonly selection: Selection | undefined;
  readonly theme: ThemeName;
  readonly searchFocusRequest: number;
  readonly dispatch: Dispatch<UiAction>;
}

export function EventList(p: EventListProps) {
  const { model, dispatch } = p;
  const search = useDeferredValue(p.filters.search);
  const filters = useMemo(() => ({ ...p.filters, search }), [p.filters, search]);
  const rows = useMemo(() => filterEvents(model, filters), [model, filters]);
  const scroller = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  // Keep the playhead's row in view as it moves (stepping, playback, a click on the timeline, a run streaming in).
  const currentRow = rowAtOrBefore(rows, p.playhead);
  const { first, last, onScroll } = useVirtualRows(scroller, rows.length, ROW_HEIGHT, OVERSCAN, currentRow);

  useEffect(() => {
    if (p.searchFocusRequest > 0) {
      searchBox.current?.focus();
      searchBox.current?.select();
    }
  }, [p.searchFocusRequest]);

  const selectedIndex = p.selection?.kind === "event" ? p.selection.index : undefined;
  const widths = useMemo(() => columnWidths(model), [model]);
  const goroutineOptions = useMemo(
    () => firstOf(model.goroutines, FILTER_OPTIONS, (g) => g.id === p.filters.goroutine),
    [model, p.filters.goroutine],
  );
  const channelOptions = useMemo(
    () => firstOf(model.channels, FILTER_OPTIONS, (c) => c.id === p.filters.channel),
    [model, p.filters.channel],
  );
  const visible = [];
  for (let r = first; r < last; r++) {
    const i = rows[r] as EventIndex;
    const e = model.event(i);
    const ch = "ch" in e && typeof e.ch === "number" ? e.ch : undefined;
    const phrase = eventPhrase(e, model);
    const classes = ["ev-row"];
    if (i === p.playhead) classes.push("at-playhead");
    else if (i > p.playhead) classes.push("future");
    if (i === selectedIndex) classes.push("selected");
    visible.push(
      <div
        key={i}
        className={classes.join(" ")}
        style={{ top: r * ROW_HEIGHT }}
        role="row"
        aria-selected={i === selectedIndex}
        data-index={i}
        onClick={() => dispatch({ type: "event/activated", index: i })}
      >
        <span className="ev-seq">{i}</span>
        <span className="ev-time">{formatTime(e.t)}</span>
        <span className="ev-g" title={goroutineLabelOf(model, e.g)}>
          {goroutineTag(e.g)}
        </span>
        <span className={`ev-kind kind-${e.kind.replace(".", "-")}`}>{e.kind}</span>
        <span className="ev-desc" title={phrase}>
          {ch !== undefined && <span className="ev-ch-dot" style={{ background: channelColor(ch, p.theme) }} />}
          <span className="ev-desc-text">{phrase}</span>
        </span>
        <span className="ev-loc" title={e.loc}>
          {lineOf(e.loc)}
        </span>
      </div>,
    );
  }

  return (
    <div className="event-list" data-testid="event-list" style={widths}>
      <div className="filter-bar">
        <select
          aria-label="Filter by goroutine"
          value={p.filters.goroutine ?? ""}
          onChange={(e) =>
            dispatch({
              type: "filters/goroutineChanged",
              goroutine: e.target.value === "" ? undefined : goroutineId(Number(e.target.value)),
            })
          }
        >
          <option value="">All goroutines</option>
          {goroutineOptions.shown.map((g) => (
            <option key={g.id} value={g.id}>
              {goroutineLabelOf(model, g.id)}
            </option>
          ))}
          {goroutineOptions.hidden > 0 && <option disabled>{moreOptions(goroutineOptions.hidden, "goroutines")}</option>}
        </select>
        <select
          aria-label="Filter by channel"
          value={p.filters.channel ?? ""}
          onChange={(e) =>
            dispatch({ type: "filters/channelChanged", channel: e.target.value === "" ? undefined : channelId(Number(e.target.value)) })
          }
        >
          <option value="">All channels</option>
          {channelOptions.shown.map((c) => (
            <option key={c.id} value={c.id}>
              {channelLabelOf(model, c.id)}
            </option>
          ))}
          {channelOptions.hidden > 0 && <option disabled>{moreOptions(channelOptions.hidden, "channels")}</option>}
        </select>
        <select
          aria-label="Filter by kind"
          value={p.filters.kinds}
          onChange={(e) => isKindFilterKey(e.target.value) && dispatch({ type: "filters/kindsChanged", kinds: e.target.value })}
        >
          {KIND_GROUPS.map((k) => (
            <option key={k.key} value={k.key}>
              {k.label}
            </option>
          ))}
          <optgroup label="One kind">
            {EVENT_KINDS.map((k) => (
              <option key={`kind-${k}`} value={k}>
                {k}
              </option>
            ))}
          </optgroup>
        </select>
        <input
          ref={searchBox}
          type="search"
          placeholder="Search events  ( / )"
          aria-label="Search events"
          value={p.filters.search}
          onChange={(e) => dispatch({ type: "filters/searchChanged", search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Escape") (e.target as HTMLInputElement).blur();
          }}
        />
        <span className="muted filter-count" data-testid="event-count">
          {isFiltering(p.filters) ? `${rows.length} of ${model.length}` : `${model.length} events`}
        </span>
        {isFiltering(p.filters) && (
          <button type="button" className="ghost small" onClick={() => dispatch({ type: "filters/cleared" })}>
            Clear
          </button>
        )}
      </div>
      <div className="ev-header" role="row">
        <span className="ev-seq">#</span>
        <span className="ev-time">time</span>
        <span className="ev-g">g</span>
        <span className="ev-kind">kind</span>
        <span className="ev-desc">what happened</span>
        <span className="ev-loc">line</span>
      </div>
      <div className="ev-scroller" ref={scroller} onScroll={onScroll} role="grid" aria-rowcount={rows.length}>
        <div className="ev-spacer" style={{ height: rows.length * ROW_HEIGHT }}>
          {visible}
        </div>
        {rows.length === 0 && <p className="muted panel-empty">No event matches the filters.</p>}
      </div>
    </div>
  );
}

/** The runtime pseudo-goroutine's tag, "runtime", as every view calls it. */
const RUNTIME_TAG_WIDTH = 54;

/** Wide enough for the biggest event index and goroutine tag ("runtime" included) in the trace (a monospace digit is about 7px at 11px). */
function columnWidths(model: TraceModel): CSSProperties {
  const digits = (n: number): number => String(Math.max(0, n)).length;
  const lastG = model.goroutines.reduce((m, g) => Math.max(m, g.id), 0);
  return {
    ["--ev-seq-width" as string]: `${Math.max(44, digits(model.length - 1) * 7 + 6)}px`,
    ["--ev-g-width" as string]: `${Math.max(RUNTIME_TAG_WIDTH, (1 + digits(lastG)) * 8 + 4)}px`,
  };
}
