// The application menu as plain data: what each item says, its shortcut and
// what it does. main/electron turns it into Electron's Menu; tests read it.
import type { MenuCommand, RecentFile, SampleSummary } from "../../contract/hostApi";

export type MenuAction =
  /** Sent to the renderer, which owns what it does. */
  | { readonly kind: "command"; readonly command: MenuCommand }
  | { readonly kind: "reload" }
  | { readonly kind: "quit" };

export type MenuNode =
  | {
      readonly type: "item";
      readonly label: string;
      readonly accelerator?: string;
      readonly action: MenuAction;
      readonly enabled?: boolean;
    }
  | { readonly type: "submenu"; readonly label: string; readonly items: readonly MenuNode[] }
  | { readonly type: "separator" };

const command = (label: string, c: MenuCommand, accelerator?: string): MenuNode => ({
  type: "item",
  label,
  action: { kind: "command", command: c },
  ...(accelerator !== undefined ? { accelerator } : {}),
});
const separator: MenuNode = { type: "separator" };

/** Shortcuts the menu owns (the renderer hears them as menu commands). */
export const ACCELERATORS = {
  openTrace: "CmdOrCtrl+O",
  openProgram: "CmdOrCtrl+Shift+O",
  saveTrace: "CmdOrCtrl+S",
  exportPerfetto: "CmdOrCtrl+E",
  quit: "CmdOrCtrl+Q",
  zoomIn: "CmdOrCtrl+=",
  zoomOut: "CmdOrCtrl+-",
  zoomFit: "CmdOrCtrl+0",
  toggleInspector: "CmdOrCtrl+I",
  toggleSource: "CmdOrCtrl+U",
  reload: "CmdOrCtrl+R",
  shortcuts: "CmdOrCtrl+/",
} as const;

export function applicationMenu(
  samples: readonly SampleSummary[],
  recent: readonly RecentFile[],
  platform: string,
): readonly MenuNode[] {
  const mac = platform === "darwin";
  const about = command("About chanscope", "show-about");
  const quit: MenuNode = { type: "item", label: "Quit", accelerator: ACCELERATORS.quit, action: { kind: "quit" } };
  const recentItems: readonly MenuNode[] =
    recent.length === 0
      ? [{ type: "item", label: "No Recent Files", action: { kind: "command", command: "open-trace" }, enabled: false }]
      : recent.map((file) => command(file.name, { kind: "open-recent", file }));
  const file: MenuNode = {
    type: "submenu",
    label: "File",
    items: [
      { type: "submenu", label: "Open Sample", items: samples.map((s) => command(s.title, { kind: "open-sample", id: s.id })) },
      command("Open Program…", "open-program", ACCELERATORS.openProgram),
      command("Open Trace…", "open-trace", ACCELERATORS.openTrace),
      { type: "submenu", label: "Open Recent", items: recentItems },
      separator,
      command("Save Trace As…", "save-trace", ACCELERATORS.saveTrace),
      command("Export for Perfetto…", "export-perfetto", ACCELERATORS.exportPerfetto),
      // On macOS Quit lives in the app menu, where people look for it.
      ...(mac ? [] : [separator, quit]),
    ],
  };
  const view: MenuNode = {
    type: "submenu",
    label: "View",
    items: [
      command("Zoom In", "zoom-in", ACCELERATORS.zoomIn),
      command("Zoom Out", "zoom-out", ACCELERATORS.zoomOut),
      command("Fit", "zoom-fit", ACCELERATORS.zoomFit),
      separator,
      command("Toggle Inspector", "toggle-inspector", ACCELERATORS.toggleInspector),
      command("Toggle Source", "toggle-source", ACCELERATORS.toggleSource),
      separator,
      { type: "item", label: "Reload", accelerator: ACCELERATORS.reload, action: { kind: "reload" } },
    ],
  };
  const help: MenuNode = {
    type: "submenu",
    label: "Help",
    items: [command("Keyboard Shortcuts", "show-shortcuts", ACCELERATORS.shortcuts), ...(mac ? [] : [about])],
  };
  const appMenu: MenuNode = { type: "submenu", label: "chanscope", items: [about, separator, quit] };
  return mac ? [appMenu, file, view, help] : [file, view, help];
}
