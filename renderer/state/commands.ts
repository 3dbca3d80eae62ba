// What the toolbar, the welcome view, the keyboard and the menus ask of the
// host, in one interface the host session implements; and how a menu command
// (the desktop menu, or the browser's Ctrl/Cmd shortcuts) maps onto it.

import type { MenuCommand, RecentFile, SampleLanguage } from "../../main/contract/hostApi";
import type { Strategy } from "../../traces/events";
import type { UiAction } from "./actions";

/** A seed and strategy a command runs with instead of the toolbar's (the welcome view's deadlocking seed). */
export interface RunChoice {
  readonly seed?: number;
  readonly strategy?: Strategy;
}

/** Plain functions, not methods: the panels pass them as event handlers. */
export interface AppCommands {
  /** Runs a sample: its TypeScript version, or its Go original. */
  readonly openSample: (id: string, choice?: RunChoice, language?: SampleLanguage) => void;
  /** Runs the open trace's program again with the toolbar's seed and strategy. */
  readonly runAgain: () => void;
  readonly stopRun: () => void;
  readonly openTrace: () => void;
  /** Cancels the open whose file the host is still reading; what was open before stays. */
  readonly cancelOpen: () => void;
  /** A file dropped on the window: a program (.ts, .mts, .js, .mjs, .go) is shown with a Run button, anything else is opened as a trace. */
  readonly openDroppedFile: (file: File) => void;
  /** A recent file: a trace is opened, a program is shown with a Run button. */
  readonly openRecent: (file: RecentFile) => void;
  readonly openProgram: () => void;
  /** Runs the program shown with a Run button (ui.programPreview). */
  readonly runPreviewed: () => void;
  /** Closes that program without running it. */
  readonly closePreview: () => void;
  readonly saveTrace: () => void;
  readonly exportPerfetto: () => void;
}

export function runMenuCommand(c: MenuCommand, commands: AppCommands, dispatch: (action: UiAction) => void): void {
  if (typeof c === "object") {
    switch (c.kind) {
      case "open-sample":
        return commands.openSample(c.id);
      case "open-recent":
        return commands.openRecent(c.file);
    }
  }
  switch (c) {
    case "open-trace":
      return commands.openTrace();
    case "open-program":
      return commands.openProgram();
    case "save-trace":
      return commands.saveTrace();
    case "export-perfetto":
      return commands.exportPerfetto();
    case "zoom-in":
      return dispatch({ type: "viewport/zoomed", direction: "in" });
    case "zoom-out":
      return dispatch({ type: "viewport/zoomed", direction: "out" });
    case "zoom-fit":
      return dispatch({ type: "viewport/fitted" });
    case "toggle-inspector":
      return dispatch({ type: "panel/toggled", panel: "inspector" });
    case "toggle-source":
      return dispatch({ type: "panel/toggled", panel: "source" });
    case "show-shortcuts":
      return dispatch({ type: "overlay/shown", overlay: "shortcuts" });
    case "show-about":
      return dispatch({ type: "overlay/shown", overlay: "about" });
  }
}
