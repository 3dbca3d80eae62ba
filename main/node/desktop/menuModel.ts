// The application menu as plain data: what each item says, its shortcut and
// what it does; the template Electron's Menu is built from, whose clicks
// perform an item's action; and what main does for each action.
// main/electron only hands the template to Menu.buildFromTemplate.
import type { MenuCommand, RecentFile, SampleSummary } from "../../contract/hostApi";

export type MenuAction =
  /** Sent to the renderer, which owns what it does. */
  { readonly kind: "command"; readonly command: MenuCommand } | { readonly kind: "reload" } | { readonly kind: "quit" };

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
const ACCELERATORS = {
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

export function applicationMenu(samples: readonly SampleSummary[], recent: readonly RecentFile[], platform: string): readonly MenuNode[] {
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

/** An item of Electron's menu template (MenuItemConstructorOptions), as far as the menu uses it. */
export interface MenuTemplateItem {
  readonly type?: "separator";
  readonly label?: string;
  readonly accelerator?: string;
  readonly enabled?: boolean;
  /** Electron calls it with the menu item, the focused window and the event; the action needs none of them. */
  readonly click?: () => void;
  readonly submenu?: MenuTemplateItem[];
}

export function menuTemplate(nodes: readonly MenuNode[], perform: (action: MenuAction) => void): MenuTemplateItem[] {
  const convert = (node: MenuNode): MenuTemplateItem => {
    switch (node.type) {
      case "separator":
        return { type: "separator" };
      case "submenu":
        return { label: node.label, submenu: node.items.map(convert) };
      case "item":
        return {
          label: node.label,
          ...(node.accelerator !== undefined ? { accelerator: node.accelerator } : {}),
          enabled: node.enabled ?? true,
          click: () => perform(node.action),
        };
    }
  };
  return nodes.map(convert);
}

export interface MenuActionTargets {
  /** Lets the renderer name a path (DesktopHost.grant). */
  readonly grant: (path: string) => void;
  /** Sends a command to the window. */
  readonly send: (command: MenuCommand) => void;
  readonly reload: () => void;
  readonly quit: () => void;
}

/** What main does for each menu action. */
export function menuActionPerformer(targets: MenuActionTargets): (action: MenuAction) => void {
  return (action) => {
    switch (action.kind) {
      case "command":
        // Open Recent names a path: the renderer may now ask for it.
        if (typeof action.command === "object" && action.command.kind === "open-recent") targets.grant(action.command.file.path);
        targets.send(action.command);
        return;
      case "reload":
        // The renderer gets its session back with currentSession().
        targets.reload();
        return;
      case "quit":
        targets.quit();
        return;
    }
  };
}
