// The native file dialogs, as the plain host asks for them.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from "electron";
import type { DesktopDialogs } from "../node/desktop/desktopHost";

const TRACE_FILTERS = [
  { name: "chanscope traces", extensions: ["jsonl"] },
  { name: "All Files", extensions: ["*"] },
];
const PROGRAM_FILTERS = [
  { name: "Programs", extensions: ["ts", "mts", "js", "mjs", "go"] },
  { name: "All Files", extensions: ["*"] },
];
const PERFETTO_FILTERS = [{ name: "Chrome Trace Event JSON", extensions: ["json"] }];

export function electronDialogs(window: () => BrowserWindow | undefined): DesktopDialogs {
  const open = async (options: OpenDialogOptions): Promise<string | undefined> => {
    const w = window();
    const r = w !== undefined ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return r.canceled ? undefined : r.filePaths[0];
  };
  const save = async (options: SaveDialogOptions): Promise<string | undefined> => {
    const w = window();
    const r = w !== undefined ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    return r.canceled || r.filePath === "" ? undefined : r.filePath;
  };
  return {
    chooseTraceToOpen: () => open({ title: "Open Trace", properties: ["openFile"], filters: TRACE_FILTERS }),
    chooseProgram: () => open({ title: "Open Program", properties: ["openFile"], filters: PROGRAM_FILTERS }),
    chooseSaveTarget: (suggestedName, kind) =>
      save(
        kind === "trace"
          ? { title: "Save Trace As", defaultPath: suggestedName, filters: TRACE_FILTERS }
          : { title: "Export for Perfetto", defaultPath: suggestedName, filters: PERFETTO_FILTERS },
      ),
  };
}
