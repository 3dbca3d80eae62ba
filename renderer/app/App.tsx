// The window: toolbar, notices, and either the welcome view or the workspace —
// timeline and end-state banner in the middle, event list and source below,
// wait-for graph and inspector on the right. State lives in one store
// (renderer/state/uiStore.ts); the host is reached only through the host
// session (renderer/state/hostSession.ts), which also runs the menu commands.

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type Dispatch, type DragEvent } from "react";
import type { HostApi, SampleSummary } from "../../main/contract/hostApi";
import { eventIndex, type EventIndex } from "../../traces/events";
import { isVerdict, type ModelState, type TraceModel } from "../../traces/model/index";
import { formatTime, goroutineTag, STUCK_FOR_GOOD_PHRASE, wakersPhrase } from "../../traces/vocabulary/index";
import { Timeline } from "../timeline/Timeline";
import { plural } from "../timeline/words";
import type { Selection, TimeWindow } from "../timeline/contract";
import { sameWindow } from "../timeline/viewport";
import type { ThemeName } from "../theme/palette";
import type { UiAction } from "../state/actions";
import type { AppState, UiState } from "../state/uiState";
import { UiStore } from "../state/uiStore";
import { EndStateBanner } from "../panels/EndStateBanner";
import { endStateView } from "../panels/endStateView";
import { EventList } from "../panels/EventList";
import { ListTabs } from "../panels/ListTabs";
import { OutputPanel } from "../panels/OutputPanel";
import { Inspector } from "../panels/Inspector";
import { NoticeStack } from "../panels/NoticeStack";
import { Overlay } from "../panels/ShortcutsOverlay";
import { SourcePanel } from "../panels/SourcePanel";
import { lineOfEvent, programSource } from "../panels/sourceView";
import { Toolbar, ViewControls } from "../panels/Toolbar";
import { WaitForGraphView } from "../panels/WaitForGraphView";
import { WelcomeView } from "../panels/WelcomeView";
import { openingText } from "../state/opening";
import { useHostSession } from "./useHostSession";
import { useKeyboard } from "./useKeyboard";
import { usePlaybackClock } from "./usePlaybackClock";
import { useSystemTheme } from "./useSystemTheme";
import { ProgramPreviewDialog } from "../panels/ProgramPreviewDialog";

export function App({ host }: { readonly host: HostApi | undefined }) {
  const [store] = useState(() => new UiStore());
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const dispatch = store.dispatch;
  const commands = useHostSession(host, store);
  const theme = useSystemTheme();
  const { ui, model } = state;
  const samples = ui.host.samples;

  useKeyboard(dispatch, ui.panels.overlay !== "none");
  const dismissNotice = useCallback((id: number) => dispatch({ type: "notice/dismissed", id }), [dispatch]);
  usePlaybackClock(ui.playback.kind === "playing", dispatch);
  const documentTitle =
    ui.document.kind === "trace" ? (ui.document.origin.kind === "sample" ? ui.document.origin.title : ui.document.origin.name) : undefined;
  useEffect(() => {
    document.title = documentTitle === undefined ? "chanscope" : `${documentTitle} — chanscope`;
  }, [documentTitle]);

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file !== undefined) commands.openDroppedFile(file);
  };

  return (
    <div className={`app theme-${theme}`} data-theme={theme} data-run={ui.run.kind} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <Toolbar ui={ui} model={model} samples={samples} commands={commands} dispatch={dispatch} />
      <NoticeStack notices={ui.notices} onDismiss={dismissNotice} />
      {ui.opening !== undefined && (
        <div className="progress-strip" role="status">
          <span className="progress-text">{openingText(ui.opening)}</span>
          {ui.opening.phase === "reading" && (
            <button type="button" className="progress-cancel" onClick={commands.cancelOpen}>
              Cancel
            </button>
          )}
        </div>
      )}
      {model === undefined || ui.document.kind === "empty" ? (
        host === undefined ? (
          <p role="alert" className="no-host">
            No host: this page must be opened by the desktop app or `npm run web`.
          </p>
        ) : (
          <WelcomeView samples={samples} commands={commands} starting={ui.run.kind === "starting" || ui.run.kind === "running"} />
        )
      ) : (
        <Workspace state={state} model={model} theme={theme} samples={samples} dispatch={dispatch} />
      )}
      <Overlay overlay={ui.panels.overlay} hostKind={ui.host.kind} onClose={() => dispatch({ type: "overlay/shown", overlay: "none" })} />
      {ui.programPreview !== undefined && (
        <ProgramPreviewDialog
          preview={ui.programPreview}
          hostKind={ui.host.kind}
          onRun={commands.runPreviewed}
          onClose={commands.closePreview}
        />
      )}
    </div>
  );
}

function Workspace(p: {
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

  const side = ui.panels.inspector || ui.panels.graph;
  const bottom = ui.panels.events || ui.panels.source;
  return (
    <div className="workspace" style={{ gridTemplateColumns: side ? "minmax(0, 1fr) minmax(360px, 30%)" : "minmax(0, 1fr)" }}>
      <div
        className="center"
        style={{ gridTemplateRows: bottom ? "auto auto minmax(160px, 1fr) minmax(180px, 34%)" : "auto auto minmax(0, 1fr)" }}
      >
        <TraceTitle ui={ui} model={model} dispatch={dispatch} />
        {banner !== undefined ? (
          <EndStateBanner
            view={banner}
            model={model}
            theme={theme}
            collapsed={ui.panels.bannerCollapsed}
            onCollapsedChange={(collapsed) => dispatch({ type: "banner/collapsedChanged", collapsed })}
            onJump={activate}
            onSelectGoroutine={(g) => select({ kind: "goroutine", g })}
            onSelectChannel={(ch) => select({ kind: "channel", ch })}
          />
        ) : (
          <div />
        )}
        <div className="timeline-host" data-testid="timeline-host">
          <Timeline
            model={model}
            axis={ui.viewport.axis}
            window={ui.viewport.window}
            playhead={ui.playhead}
            selection={ui.selection}
            visibleGoroutines={visibleGoroutines}
            visibleChannels={visibleChannels}
            theme={theme}
            onWindowChange={onWindowChange}
            onPlayheadChange={onPlayheadChange}
            onSelect={select}
          />
        </div>
        {bottom && (
          <div
            className="bottom"
            style={{ gridTemplateColumns: ui.panels.events && ui.panels.source ? "minmax(0, 1.25fr) minmax(0, 1fr)" : "minmax(0, 1fr)" }}
          >
            {ui.panels.events && (
              <section className="panel">
                <ListTabs model={model} tab={ui.panels.listTab} dispatch={dispatch} />
                {ui.panels.listTab === "output" ? (
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
                )}
              </section>
            )}
            {ui.panels.source && (
              <section className="panel">
                <h2 className="panel-title">Source{line !== undefined && <span className="muted"> · line {line}</span>}</h2>
                <SourcePanel
                  source={source}
                  model={model}
                  state={atPlayhead}
                  line={line}
                  theme={theme}
                  onSelectGoroutine={(g) => select({ kind: "goroutine", g })}
                />
              </section>
            )}
          </div>
        )}
      </div>
      {side && (
        <aside
          className="side"
          style={{ gridTemplateRows: ui.panels.graph && ui.panels.inspector ? "minmax(220px, 36%) minmax(0, 1fr)" : "minmax(0, 1fr)" }}
        >
          {ui.panels.graph && (
            <section className="panel">
              <h2 className="panel-title">
                Wait-for graph
                <StuckCount model={model} state={atPlayhead} />
              </h2>
              <WaitForGraphView model={model} state={atPlayhead} theme={theme} selection={ui.selection} onSelect={select} />
            </section>
          )}
          {ui.panels.inspector && (
            <section className="panel">
              <h2 className="panel-title">Inspector</h2>
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
      )}
    </div>
  );
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
  if (d.kind !== "trace") return <div />;
  const o = d.origin;
  const title = o.kind === "sample" ? o.title : o.name;
  const header = model.header;
  return (
    <div className="trace-title" data-live={d.liveRunId !== undefined}>
      <span className="trace-name" data-testid="trace-name">
        {title}
      </span>
      <span className="muted trace-meta">
        {o.kind === "sample" ? "sample" : o.kind === "program" ? "program" : "trace file"}
        {header !== undefined && ` · seed ${header.seed}, ${header.strategy} · ${header.clock} time`}
        {` · ${plural(model.goroutines.length, "goroutine", "goroutines")} · ${plural(model.channels.length, "channel", "channels")} · ${plural(model.length, "event", "events")} · ${formatTime(model.endTime - model.startTime)}`}
        {d.liveRunId !== undefined && " · running…"}
      </span>
      <ViewControls ui={ui} model={model} dispatch={dispatch} />
    </div>
  );
}
