import { describe, expect, it } from "vitest";
import type { SampleSummary } from "../../contract/hostApi";
import { fileArguments, fileKindOf } from "./commandLine";
import { applicationMenu, type MenuNode } from "./menuModel";

const samples = ["a", "b", "c"].map(
  (id): SampleSummary => ({ id, title: `Sample ${id}`, pattern: "", lookFor: "", ending: "ok", file: `samples/${id}.ts`, source: "" }),
);

function find(nodes: readonly MenuNode[], path: readonly string[]): MenuNode | undefined {
  const [head, ...rest] = path;
  const node = nodes.find((n) => n.type !== "separator" && n.label === head);
  if (rest.length === 0 || node === undefined) return node;
  return node.type === "submenu" ? find(node.items, rest) : undefined;
}

describe("the application menu", () => {
  const menu = applicationMenu(samples, [{ path: "/t/x.trace.jsonl", name: "x.trace.jsonl", kind: "trace" }], "linux");

  it("has File, View and Help with the items the issue lists", () => {
    const labels = (path: string[]) => {
      const n = find(menu, path);
      return n?.type === "submenu" ? n.items.flatMap((i) => (i.type === "separator" ? [] : [i.label])) : [];
    };
    expect(menu.map((n) => n.type !== "separator" && n.label)).toEqual(["File", "View", "Help"]);
    expect(labels(["File"])).toEqual(["Open Sample", "Open Program…", "Open Trace…", "Open Recent", "Save Trace As…", "Export for Perfetto…", "Quit"]);
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

describe("files on the command line", () => {
  it("are the arguments after the executable (and the app path when unpackaged), made absolute", () => {
    expect(fileArguments(["/opt/chanscope", "run.trace.jsonl", "--inspect=9229"], false, "/home/a")).toEqual(["/home/a/run.trace.jsonl"]);
    expect(fileArguments(["electron", ".", "/t/prog.ts"], true, "/home/a")).toEqual(["/t/prog.ts"]);
    expect(fileArguments(["electron", "."], true, "/x")).toEqual([]);
  });

  it("are programs when they are source files, traces otherwise", () => {
    expect(fileKindOf("/t/prog.ts")).toBe("program");
    expect(fileKindOf("/t/run.trace.jsonl")).toBe("trace");
  });
});
