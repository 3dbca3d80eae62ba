// The workspace: the trace's title, the end-state banner, the timeline and
// the bottom panels (events, source) in the centre; the wait-for graph and the
// inspector on the right. How tall and wide each part is comes from the
// layout budget (layout/workspaceBudget.ts) — the timeline's lanes first —
// and from the sizes the user dragged the splitters to, which are remembered
// (layout/useLayoutPrefs.ts).

import { useCallback, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type ReactNode, type RefObject } from "react";
import type { SampleSummary } from "../../main/contract/hostApi";
import { eventIndex, type EventIndex } from "../../traces/events";
import { isVerdict, type ModelState, type TraceModel } from "../../traces/model/index";
import { formatTime, goroutineTag, STUCK_FOR_GOOD_PHRASE, wakersPhrase } from "../../traces/vocabulary/index";
import { EndStateBanner } from "../panels/EndStateBanner";
import { endStateView, type EndStateView } from "../panels/endStateView";
import { EventList } from "../panels/EventList";
import { ListTabs } from "../panels/ListTabs";
import { OutputPanel } from "../panels/OutputPanel";
import { Inspector } from "../panels/Inspector";
import { SourcePanel } from "../panels/SourcePanel";
import { lineOfEvent, programSource } from "../panels/sourceView";
import { ViewControls } from "../panels/Toolbar";
import { useElementSize } from "../panels/useElementSize";
import { WaitForGraphView } from "../panels/WaitForGraphView";
import { layoutWaitForGraph } from "../panels/waitForGraphLayout";
import type { UiAction } from "../state/actions";
import type { AppState, UiState } from "../state/uiState";
import type { ThemeName } from "../theme/palette";
import type { Selection, TimeWindow } from "../timeline/contract";
import { clampGutterWidth, MAX_GUTTER_WIDTH, MIN_GUTTER_WIDTH } from "../timeline/geometry";
import type { LaneCounts } from "../timeline/lanes";
import { Timeline } from "../timeline/Timeline";
import { sameWindow } from "../timeline/viewport";
import { plural } from "../timeline/words";
import { clampPref } from "./layout/layoutPrefs";
import { Splitter } from "./layout/Splitter";
import { useLayoutPrefs } from "./layout/useLayoutPrefs";
import { GAP, sideWidthOf, WORKSPACE_PAD, workspaceBudget, type BannerNeeds, type WorkspaceNeeds } from "./layout/workspaceBudget";

/** The legend's height before it is measured: two rows. */
const LEGEND_GUESS = 43;
/** The plot keeps at least this much width when the gutter is dragged wide. */
const PLOT_MIN_WIDTH = 240;

export function Workspace(p: {
  readonly state: AppState;
  readonly model: TraceModel;
  readonly theme: ThemeName;
  readonly samples: readonly SampleSummary[];
  readonly dispatch: Dispatch<UiAction>;
}) {
  const { model, theme, dispatch } = p;
  const ui = p.state.ui;
  const atPlayhead: ModelState = useMemo(() => model.stateAt(eventIndex(Math.min(ui.playhead, model.length - 1))), [model, ui.playhead]);
  const live = ui.document.kind === "trace" && ui.document.liveRunId !== undefined;
  const banner = useMemo(() => endStateView(model, live), [model, live]);
  const source = useMemo(() => programSource(model, p.samples), [model, p.samples]);
  const focusIndex = ui.selection?.kind === "event" ? ui.selection.index : ui.playhead;
  const line = useMemo(() => lineOfEvent(model, focusIndex), [model, focusIndex]);
  const visibleGoroutines = useMemo(
    () => (ui.filters.goroutine === undefined ? undefined : new Set([ui.filters.goroutine])),
    [ui.filters.goroutine],
  );
  const visibleChannels = useMemo(
    () => (ui.filters.channel === undefined ? undefined : new Set([ui.filters.channel])),
    [ui.filters.channel],
  );
  const currentWindow = ui.viewport.window;

  const activate = useCallback((index: EventIndex) => dispatch({ type: "event/activated", index }), [dispatch]);
  const select = useCallback((selection: Selection | undefined) => dispatch({ type: "selection/changed", selection }), [dispatch]);
  const showLine = useCallback(
    (index: EventIndex) => {
      if (index >= 0) dispatch({ type: "selection/changed", selection: { kind: "event", index } });
    },
    [dispatch],
  );
  const onWindowChange = useCallback(
    (w: TimeWindow) => {
      if (!sameWindow(w, currentWindow)) dispatch({ type: "viewport/changed", window: w });
    },
    [dispatch, currentWindow],
  );
  const onPlayheadChange = useCallback((index: EventIndex) => dispatch({ type: "playhead/moved", index }), [dispatch]);

  // ----- the layout budget
  const [prefs, changePrefs] = useLayoutPrefs();
  const root = useRef<HTMLDivElement>(null);
  const size = useElementSize(root);
  const timelineHost = useRef<HTMLDivElement>(null);
  const legendHeight = useLegendHeight(timelineHost);
  const lanes = useMemo(() => laneCounts(model, ui.filters.goroutine !== undefined, ui.filters.channel !== undefined), [model, ui.filters]);
  const panels = ui.panels;
  const sideWidth = sideWidthOf(size.width, prefs);
  const graphContentHeight = useGraphContentHeight(model, atPlayhead, live, panels.graph ? sideWidth - 2 : 0);
  const bannerNeeds = useMemo(
    () => (banner === undefined ? undefined : bannerNeedsOf(banner, panels.bannerCollapsed)),
    [banner, panels.bannerCollapsed],
  );
  const needs: WorkspaceNeeds = {
    viewport: size,
    lanes,
    legendHeight,
    banner: bannerNeeds,
    panels: { events: panels.events, source: panels.source, graph: panels.graph, inspector: panels.inspector },
    graphContentHeight,
    prefs,
  };
  const layout = workspaceBudget(needs);
  const side = layout.side;
  const bottom = layout.bottom;
  const centreWidth = Math.max(0, size.width - 2 * WORKSPACE_PAD - (side === undefined ? 0 : side.width + GAP));
  const gutterWidth = Math.min(clampGutterWidth(prefs.gutterWidth), Math.max(MIN_GUTTER_WIDTH, centreWidth - PLOT_MIN_WIDTH));
  const foldBottom = (): void => {
    if (bottom?.collapsed !== true) {
      changePrefs({ bottomCollapsed: true });
      return;
    }
    // Unfolded where the budget has no room for them, the panels get their least usable height (the lanes then scroll).
    const unfolded = { ...prefs, bottomCollapsed: false };
    const still = workspaceBudget({ ...needs, prefs: unfolded }).bottom?.collapsed === true;
    changePrefs(still ? { bottomCollapsed: false, bottomHeight: bottom.limits[0] } : { bottomCollapsed: false });
  };
  const foldSide = (): void => changePrefs({ sideCollapsed: !prefs.sideCollapsed });
  const bottomFold = <FoldButton folded={bottom?.collapsed ?? false} what="the bottom panels" glyphs={["▾", "▴"]} onClick={foldBottom} />;
  const sideFold = <FoldButton folded={false} what="the side panels" glyphs={["»", "«"]} onClick={foldSide} />;

  return (
    <div
      className="workspace"
      ref={root}
      data-testid="workspace"
      style={{ gridTemplateColumns: side === undefined ? "minmax(0, 1fr)" : `minmax(0, 1fr) ${GAP}px ${side.width}px` }}
    >
      <div className="center">
        <TraceTitle ui={ui} model={model} dispatch={dispatch} />
        {banner !== undefined && layout.banner !== undefined && (
          <EndStateBanner
            view={banner}
            mode={layout.banner.mode}
            maxHeight={layout.banner.height}
            model={model}
            theme={theme}
            collapsed={panels.bannerCollapsed}
            onCollapsedChange={(collapsed) => dispatch({ type: "banner/collapsedChanged", collapsed })}
            onJump={activate}
            onSelectGoroutine={(g) => select({ kind: "goroutine", g })}
            onSelectChannel={(ch) => select({ kind: "channel", ch })}
          />
        )}
        <div className="timeline-host" data-testid="timeline-host" ref={timelineHost}>
          <Timeline
            model={model}
            axis={ui.viewport.axis}
            window={ui.viewport.window}
            playhead={ui.playhead}
            selection={ui.selection}
            visibleGoroutines={visibleGoroutines}
            visibleChannels={visibleChannels}
            theme={theme}
            gutterWidth={gutterWidth}
            fitLanes
            onWindowChange={onWindowChange}
            onPlayheadChange={onPlayheadChange}
            onSelect={select}
          />
          <Splitter
            orientation="vertical"
            label="Resize the lanes' labels"
            className="gutter-splitter"
            testId="gutter-splitter"
            style={{ left: gutterWidth - GAP / 2, top: legendHeight }}
            value={gutterWidth}
            min={MIN_GUTTER_WIDTH}
            max={Math.max(MIN_GUTTER_WIDTH, Math.min(MAX_GUTTER_WIDTH, centreWidth - PLOT_MIN_WIDTH))}
            grows={1}
            onChange={(w) => changePrefs({ gutterWidth: clampPref("gutterWidth", w) })}
            onReset={() => changePrefs({ gutterWidth: undefined })}
          />
        </div>
        {bottom !== undefined &&
          (bottom.collapsed ? (
            <div className="splitter-gap" />
          ) : (
            <Splitter
              orientation="horizontal"
              label="Resize the bottom panels"
              testId="bottom-splitter"
              controls="bottom-panels"
              value={bottom.height}
              min={bottom.limits[0]}
              max={bottom.limits[1]}
              grows={-1}
              onChange={(h) => changePrefs({ bottomHeight: clampPref("bottomHeight", h) })}
              onToggle={foldBottom}
              onReset={() => changePrefs({ bottomHeight: undefined })}
            />
          ))}
        {bottom !== undefined && (
          <div
            className={bottom.collapsed ? "bottom folded" : "bottom"}
            id="bottom-panels"
            data-testid="bottom-panels"
            data-folded={bottom.collapsed}
            style={{ height: bottom.height }}
          >
            {panels.events && (
              <section
                className="panel"
                data-testid="events-panel"
                style={panels.source ? { flex: `0 0 ${Math.round(bottom.eventsShare * 1000) / 10}%` } : { flex: "1 1 0" }}
              >
                <ListTabs model={model} tab={ui.panels.listTab} dispatch={dispatch} fold={panels.source ? undefined : bottomFold} />
                {!bottom.collapsed &&
                  (ui.panels.listTab === "output" ? (
                    <OutputPanel model={model} playhead={ui.playhead} selection={ui.selection} theme={theme} dispatch={dispatch} />
                  ) : (
                    <EventList
                      model={model}
                      filters={ui.filters}
                      playhead={ui.playhead}
                      selection={ui.selection}
                      theme={theme}
                      searchFocusRequest={ui.searchFocusRequest}
                      dispatch={dispatch}
                    />
                  ))}
              </section>
            )}
            {panels.events && panels.source && !bottom.collapsed && (
              <Splitter
                orientation="vertical"
                label="Resize the event list beside the source"
                testId="events-splitter"
                value={Math.round(bottom.eventsShare * centreWidth)}
                min={Math.round(0.15 * centreWidth)}
                max={Math.round(0.85 * centreWidth)}
                grows={1}
                onChange={(w) => changePrefs({ eventsShare: clampPref("eventsShare", w / Math.max(1, centreWidth)) })}
                onReset={() => changePrefs({ eventsShare: undefined })}
              />
            )}
            {panels.events && panels.source && bottom.collapsed && <div className="splitter-gap" />}
            {panels.source && (
              <section className="panel" data-testid="source-panel" style={{ flex: "1 1 0" }}>
                <PanelTitle title="Source" note={line === undefined ? undefined : `line ${line}`} fold={bottomFold} />
                {!bottom.collapsed && (
                  <SourcePanel
                    source={source}
                    model={model}
                    state={atPlayhead}
                    line={line}
                    theme={theme}
                    onSelectGoroutine={(g) => select({ kind: "goroutine", g })}
                  />
                )}
              </section>
            )}
          </div>
        )}
      </div>
      {side !== undefined &&
        (side.collapsed ? (
          <div className="splitter-gap" />
        ) : (
          <Splitter
            orientation="vertical"
            label="Resize the side panels"
            testId="side-splitter"
            controls="side-panels"
            value={side.width}
            min={side.widthLimits[0]}
            max={side.widthLimits[1]}
            grows={-1}
            onChange={(w) => changePrefs({ sideWidth: clampPref("sideWidth", w) })}
            onToggle={foldSide}
            onReset={() => changePrefs({ sideWidth: undefined })}
          />
        ))}
      {side !== undefined &&
        (side.collapsed ? (
          <aside className="side folded" id="side-panels" data-testid="side-panels" data-folded="true">
            <FoldButton folded what="the side panels" glyphs={["»", "«"]} onClick={foldSide} />
            <span className="side-folded-label">
              {[panels.graph && "Wait-for graph", panels.inspector && "Inspector"].filter(Boolean).join(" · ")}
            </span>
          </aside>
        ) : (
          <aside className="side" id="side-panels" data-testid="side-panels" data-folded="false">
            {panels.graph && (
              <section
                className="panel"
                data-testid="graph-panel"
                style={panels.inspector ? { flex: `0 0 ${side.graphHeight}px` } : { flex: "1 1 0" }}
              >
                <PanelTitle title="Wait-for graph" note={<StuckCount model={model} state={atPlayhead} />} fold={sideFold} />
                <WaitForGraphView model={model} state={atPlayhead} theme={theme} selection={ui.selection} onSelect={select} />
              </section>
            )}
            {panels.graph && panels.inspector && (
              <Splitter
                orientation="horizontal"
                label="Resize the wait-for graph above the inspector"
                testId="graph-splitter"
                value={side.graphHeight}
                min={side.graphLimits[0]}
                max={side.graphLimits[1]}
                grows={1}
                onChange={(h) => changePrefs({ graphHeight: clampPref("graphHeight", h) })}
                onReset={() => changePrefs({ graphHeight: undefined })}
              />
            )}
            {panels.inspector && (
              <section className="panel" data-testid="inspector-panel" style={{ flex: "1 1 0" }}>
                <PanelTitle title="Inspector" fold={panels.graph ? undefined : sideFold} />
                <div className="panel-scroll">
                  <Inspector
                    model={model}
                    state={atPlayhead}
                    selection={ui.selection}
                    theme={theme}
                    onActivate={activate}
                    onSelect={select}
                    onShowLine={showLine}
                  />
                </div>
              </section>
            )}
          </aside>
        ))}
    </div>
  );
}

function PanelTitle(p: { readonly title: string; readonly note?: ReactNode; readonly fold?: ReactNode }) {
  return (
    <h2 className="panel-title">
      {p.title}
      {typeof p.note === "string" ? <span className="muted"> · {p.note}</span> : p.note}
      {p.fold !== undefined && <span className="panel-title-end">{p.fold}</span>}
    </h2>
  );
}

function FoldButton(p: {
  readonly folded: boolean;
  readonly what: string;
  readonly glyphs: readonly [string, string];
  readonly onClick: () => void;
}) {
  const label = `${p.folded ? "Unfold" : "Fold"} ${p.what}`;
  return (
    <button
      type="button"
      className="ghost small fold-button"
      onClick={p.onClick}
      aria-label={label}
      title={label}
      aria-expanded={!p.folded}
    >
      {p.folded ? p.glyphs[1] : p.glyphs[0]}
    </button>
  );
}

/** The lanes the timeline shows: one goroutine or one channel when the event list filters on it. */
function laneCounts(model: TraceModel, oneGoroutine: boolean, oneChannel: boolean): LaneCounts {
  return { goroutines: oneGoroutine ? 1 : model.goroutines.length, channels: oneChannel ? 1 : model.channels.length };
}

function bannerNeedsOf(v: EndStateView, collapsed: boolean): BannerNeeds {
  return {
    itemChars: v.entries.map((e) => e.summary.length + e.why.length + (e.name?.length ?? 0) + 6),
    cycles: v.cycles.length,
    stack: v.stack !== undefined,
    collapsed,
  };
}

/**
 * How tall the wait-for graph panel is made (within bounds): as tall as the
 * drawing at the end of the run, grown to the tallest drawing the playhead
 * has reached since (a healthy run often ends with nobody waiting, while it
 * waited a lot on the way). It never shrinks for a trace, so stepping back and
 * forth does not move the inspector each time; nothing while a run streams.
 */
function useGraphContentHeight(model: TraceModel, state: ModelState, live: boolean, width: number): number {
  const heightAt = useCallback(
    (s: ModelState): number =>
      s.waitFor.nodes.length === 0 ? 0 : layoutWaitForGraph(s.waitFor, model, (g) => s.goroutine(g)?.state, { width, height: 0 }).height,
    [model, width],
  );
  const atEnd = useMemo(
    () => (live || width <= 0 || model.length === 0 ? 0 : heightAt(model.stateAt(eventIndex(model.length - 1)))),
    [model, live, width, heightAt],
  );
  const atPlayhead = useMemo(() => (live || width <= 0 ? 0 : heightAt(state)), [state, live, width, heightAt]);
  const tallest = useRef<{ readonly model: TraceModel; readonly width: number; readonly height: number } | undefined>(undefined);
  const before = tallest.current;
  const seen = before !== undefined && before.model === model && before.width === width ? before.height : 0;
  const height = Math.max(atEnd, atPlayhead, seen);
  if (before?.model !== model || before.width !== width || before.height !== height) tallest.current = { model, width, height };
  return height;
}

/** The timeline's legend as drawn: it wraps with the width, and the budget counts it. */
function useLegendHeight(host: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(LEGEND_GUESS);
  useLayoutEffect(() => {
    const legend = host.current?.querySelector(".cs-timeline-legend");
    if (legend === null || legend === undefined) return;
    const update = (): void => setHeight(Math.round(legend.getBoundingClientRect().height));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(legend);
    return () => observer.disconnect();
  }, [host]);
  return height;
}

/**
 * How many goroutines wait at the playhead. Once the run is over (a deadlock,
 * or main returned) the stuck ones are stuck for good, in alarm colours; mid-run
 * the count is neutral and its tooltip says who could wake each, as far as the
 * trace shows so far.
 */
function StuckCount({ model, state }: { readonly model: TraceModel; readonly state: ModelState }) {
  const deps = state.waitFor.dependencies;
  if (deps.length === 0) return null;
  const stuck = state.waitFor.stuck.length;
  if (isVerdict(model.ending, state.index) && stuck > 0) {
    return (
      <span
        className="count warn"
        title={`${STUCK_FOR_GOOD_PHRASE[0]?.toUpperCase()}${STUCK_FOR_GOOD_PHRASE.slice(1)}`}
        data-testid="waiting-count"
      >
        {stuck} stuck
      </span>
    );
  }
  const lines = deps.slice(0, 12).map((d) => {
    const wakers = [...new Set(d.actors.map((a) => goroutineTag(a.g)))];
    const wakes = wakersPhrase(wakers.slice(0, 6).concat(wakers.length > 6 ? [`${wakers.length - 6} more`] : []), d.stuck, false, true);
    return `${goroutineTag(d.g)}: ${wakes === "" ? "wakes by itself (a timer or io)" : wakes}`;
  });
  if (deps.length > 12) lines.push(`and ${deps.length - 12} more`);
  return (
    <span className="count" title={lines.join("\n")} data-testid="waiting-count">
      {deps.length} waiting
    </span>
  );
}

function TraceTitle({ ui, model, dispatch }: { readonly ui: UiState; readonly model: TraceModel; readonly dispatch: Dispatch<UiAction> }) {
  const d = ui.document;
  if (d.kind !== "trace") return <div className="trace-title" />;
  const o = d.origin;
  const title = o.kind === "sample" ? o.title : o.name;
  const header = model.header;
  const meta =
    (o.kind === "sample" ? "sample" : o.kind === "program" ? "program" : "trace file") +
    (header === undefined ? "" : ` · seed ${header.seed}, ${header.strategy} · ${header.clock} time`) +
    ` · ${plural(model.goroutines.length, "goroutine", "goroutines")} · ${plural(model.channels.length, "channel", "channels")} · ${plural(model.length, "event", "events")} · ${formatTime(model.endTime - model.startTime)}` +
    (d.liveRunId !== undefined ? " · running…" : "");
  return (
    <div className="trace-title" data-live={d.liveRunId !== undefined}>
      <span className="trace-name" data-testid="trace-name" title={title}>
        {title}
      </span>
      <span className="muted trace-meta" title={meta}>
        {meta}
      </span>
      <ViewControls ui={ui} model={model} dispatch={dispatch} />
    </div>
  );
}
