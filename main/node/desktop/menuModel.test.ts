import { describe, expect, it } from "vitest";
import type { SampleSummary } from "../../contract/hostApi";
import { fileArguments, fileKindOf } from "./commandLine";
import { applicationMenu, menuActionPerformer, menuTemplate, type MenuAction, type MenuNode, type MenuTemplateItem } from "./menuModel";

const samples = ["a", "b", "c"].map((id): SampleSummary => ({
  id,
  title: `Sample ${id}`,
  pattern: "",
  lookFor: "",
  ending: "ok",
  file: `samples/${id}.ts`,
  source: "",
}));

function find(nodes: readonly MenuNode[], path: readonly string[]): MenuNode | undefined {
  const [head, ...rest] = path;
  const node = nodes.find((n) => n.type !== "separator" && n.label === head);
  if (rest.length === 0 || node === undefined) return node;
  return node.type === "submenu" ? find(node.items, rest) : undefined;
}

describe("the application menu", () => {
  const menu = applicationMenu(samples, [{ path: "/t/x.trace.jsonl", name: "x.trace.jsonl", kind: "trace" }], "linux");

  it("has File, View and Help, each with its items in order", () => {
    const labels = (path: string[]) => {
      const n = find(menu, path);
      return n?.type === "submenu" ? n.items.flatMap((i) => (i.type === "separator" ? [] : [i.label])) : [];
    };
    expect(menu.map((n) => n.type !== "separator" && n.label)).toEqual(["File", "View", "Help"]);
    expect(labels(["File"])).toEqual([
      "Open Sample",
      "Open Program…",
      "Open Trace…",
      "Open Recent",
      "Save Trace As…",
      "Export for Perfetto…",
      "Quit",
    ]);
    expect(labels(["View"])).toEqual(["Zoom In", "Zoom Out", "Fit", "Toggle Inspector", "Toggle Source", "Reload"]);
    expect(labels(["Help"])).toEqual(["Keyboard Shortcuts", "About chanscope"]);
  });

  it("offers every sample under Open Sample", () => {
    const open = find(menu, ["File", "Open Sample"]);
    expect(open?.type === "submenu" && open.items).toEqual(
      samples.map((s) => ({ type: "item", label: s.title, action: { kind: "command", command: { kind: "open-sample", id: s.id } } })),
    );
  });

  it("opens a trace with Ctrl/Cmd+O and saves with Ctrl/Cmd+S", () => {
    expect(find(menu, ["File", "Open Trace…"])).toMatchObject({ accelerator: "CmdOrCtrl+O", action: { command: "open-trace" } });
    expect(find(menu, ["File", "Save Trace As…"])).toMatchObject({ accelerator: "CmdOrCtrl+S", action: { command: "save-trace" } });
  });

  it("lists recent files, or says there are none", () => {
    expect(find(menu, ["File", "Open Recent", "x.trace.jsonl"])).toMatchObject({
      action: { kind: "command", command: { kind: "open-recent", file: { path: "/t/x.trace.jsonl" } } },
    });
    const empty = applicationMenu(samples, [], "linux");
    expect(find(empty, ["File", "Open Recent", "No Recent Files"])).toMatchObject({ enabled: false });
  });

  it("reload and quit are done by main itself", () => {
    expect(find(menu, ["View", "Reload"])).toMatchObject({ action: { kind: "reload" } });
    expect(find(menu, ["File", "Quit"])).toMatchObject({ action: { kind: "quit" } });
  });

  it("on macOS About and Quit live in the app menu", () => {
    const mac = applicationMenu(samples, [], "darwin");
    expect(find(mac, ["chanscope", "Quit"])).toBeDefined();
    expect(find(mac, ["File", "Quit"])).toBeUndefined();
  });
});

describe("the menu as Electron gets it", () => {
  const menu = applicationMenu(samples, [{ path: "/t/x.trace.jsonl", name: "x.trace.jsonl", kind: "trace" }], "linux");
  const items = (nodes: readonly MenuNode[]): Extract<MenuNode, { type: "item" }>[] =>
    nodes.flatMap((n) => (n.type === "item" ? [n] : n.type === "submenu" ? items(n.items) : []));
  const clickable = (template: readonly MenuTemplateItem[]): MenuTemplateItem[] =>
    template.flatMap((t) => (t.submenu !== undefined ? clickable(t.submenu) : t.click !== undefined ? [t] : []));

  it("performs an item's action on a click, whatever Electron passes the click", () => {
    const performed: MenuAction[] = [];
    const template = menuTemplate(menu, (action) => performed.push(action));
    // Electron calls click(menuItem, focusedWindow, event).
    for (const item of clickable(template))
      (item.click as (...args: unknown[]) => void)({ label: item.label }, undefined, { shiftKey: false });
    expect(performed).toEqual(items(menu).map((i) => i.action));
  });

  it("keeps labels, shortcuts, separators and disabled items", () => {
    const template = menuTemplate(applicationMenu(samples, [], "linux"), () => undefined);
    const file = template.find((t) => t.label === "File")?.submenu ?? [];
    expect(file.find((t) => t.label === "Open Trace…")).toMatchObject({ accelerator: "CmdOrCtrl+O", enabled: true });
    expect(file.some((t) => t.type === "separator")).toBe(true);
    expect(file.find((t) => t.label === "Open Recent")?.submenu?.[0]).toMatchObject({ label: "No Recent Files", enabled: false });
  });

  it("lets the renderer name a recent file before the window hears the command to open it", () => {
    const calls: string[] = [];
    const perform = menuActionPerformer({
      grant: (path) => calls.push(`grant ${path}`),
      send: (command) => calls.push(`send ${typeof command === "string" ? command : command.kind}`),
      reload: () => calls.push("reload"),
      quit: () => calls.push("quit"),
    });
    perform({
      kind: "command",
      command: { kind: "open-recent", file: { path: "/t/x.trace.jsonl", name: "x.trace.jsonl", kind: "trace" } },
    });
    perform({ kind: "command", command: "save-trace" });
    perform({ kind: "reload" });
    perform({ kind: "quit" });
    expect(calls).toEqual(["grant /t/x.trace.jsonl", "send open-recent", "send save-trace", "reload", "quit"]);
  });
});

describe("files on the command line", () => {
  it("are the arguments after the executable (and the app path when unpackaged), made absolute", () => {
    expect(fileArguments(["/opt/chanscope", "run.trace.jsonl", "--inspect=9229"], false, "/home/a")).toEqual(["/home/a/run.trace.jsonl"]);
    expect(fileArguments(["electron", ".", "/t/prog.ts"], true, "/home/a")).toEqual(["/t/prog.ts"]);
    expect(fileArguments(["electron", "."], true, "/x")).toEqual([]);
  });

  it("are programs when they are source files, traces otherwise", () => {
    expect(fileKindOf("/t/prog.ts")).toBe("program");
    expect(fileKindOf("/t/prog.go")).toBe("program");
    expect(fileKindOf("/t/run.trace.jsonl")).toBe("trace");
  });
});
