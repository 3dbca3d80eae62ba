// The keyboard map, as a pure function from a key press to what it means, so
// the shortcuts overlay and the tests read the same table.

import type { UiAction } from "./actions";

export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const act = (action: UiAction): UiAction => action;

/**
 * What a key press means. `typing`: focus is in a text field, where letters and
 * arrows belong to the field (only Escape still counts). Ctrl/⌘ combinations
 * are the host's: its menu accelerators (desktop) or its key handler (web)
 * send them as menu commands, so the renderer never sees them twice.
 */
export function meaningOfKey(k: KeyPress, typing: boolean, overlayOpen: boolean): UiAction | undefined {
  const mod = k.ctrlKey || k.metaKey;
  if (k.key === "Escape")
    return overlayOpen ? act({ type: "overlay/shown", overlay: "none" }) : act({ type: "selection/changed", selection: undefined });
  if (typing || mod || k.altKey) return undefined;
  const scope = k.shiftKey ? "selection" : "all";
  switch (k.key) {
    case "ArrowRight":
      return act({ type: "playhead/stepped", direction: 1, scope });
    case "ArrowLeft":
      return act({ type: "playhead/stepped", direction: -1, scope });
    case "Home":
      return act({ type: "playhead/jumpedToStart" });
    case "End":
      return act({ type: "playhead/jumpedToEnd" });
    case " ":
      return act({ type: "playback/toggled" });
    case "/":
      return act({ type: "search/focusRequested" });
    case "?":
      return act({ type: "overlay/shown", overlay: overlayOpen ? "none" : "shortcuts" });
  }
  switch (k.key.toLowerCase()) {
    case "w":
      return act({ type: "viewport/zoomed", direction: "in" });
    case "s":
      return act({ type: "viewport/zoomed", direction: "out" });
    case "a":
      return act({ type: "viewport/panned", direction: -1 });
    case "d":
      return act({ type: "viewport/panned", direction: 1 });
    case "f":
      return act({ type: "viewport/fitted" });
    case "e":
      return act({ type: "playhead/jumpedToEndState" });
    default:
      return undefined;
  }
}

/** The shortcuts overlay's table. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ["← / →", "previous / next event"],
  ["Shift + ← / →", "previous / next event of the selected goroutine or channel"],
  ["Home / End", "before the first event / the last event"],
  ["E", "jump to the end state (deadlock, panic, leak)"],
  ["Space", "play / pause"],
  ["W / S", "zoom in / out"],
  ["A / D", "pan left / right"],
  ["F", "fit the whole trace"],
  ["/", "search events"],
  ["Esc", "clear the selection / close this"],
  ["Ctrl+O", "open a trace file"],
  ["Ctrl+Shift+O", "run a program file"],
  ["Ctrl+S", "save the trace"],
  ["?", "this list"],
];
