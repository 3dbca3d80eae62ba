// The window: toolbar, notices, and either the welcome view or the workspace
// (Workspace.tsx: timeline and end-state banner in the middle, event list and
// source below, wait-for graph and inspector on the right, sized by the layout
// budget in layout/). State lives in one store
// (renderer/state/uiStore.ts); the host is reached only through the host
// session (renderer/state/hostSession.ts), which also runs the menu commands.

import { useCallback, useEffect, useState, useSyncExternalStore, type DragEvent } from "react";
import type { HostApi } from "../../main/contract/hostApi";
import { UiStore } from "../state/uiStore";
import { NoticeStack } from "../panels/NoticeStack";
import { Overlay } from "../panels/ShortcutsOverlay";
import { Toolbar } from "../panels/Toolbar";
import { WelcomeView } from "../panels/WelcomeView";
import { openingText } from "../state/opening";
import { useHostSession } from "./useHostSession";
import { useKeyboard } from "./useKeyboard";
import { usePlaybackClock } from "./usePlaybackClock";
import { useSystemTheme } from "./useSystemTheme";
import { ProgramPreviewDialog } from "../panels/ProgramPreviewDialog";
import { Workspace } from "./Workspace";

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
