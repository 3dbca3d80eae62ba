import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { nestedLayers } from "./eslint-plugin-layers.js";
import { LAYERS } from "./layers.js";

const eslint = new ESLint({ cwd: new URL("..", import.meta.url).pathname });

async function layerErrors(file: string, code: string): Promise<readonly string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === "layers/allowed-imports").map((m) => m.message);
}

describe("the layer table", () => {
  it("has no layer whose folder holds another's, so its order does not matter", () => {
    expect(nestedLayers(LAYERS).map(([outer, inner]) => `${outer.files} holds ${inner.files}`)).toEqual([]);
  });

  it("finds a nested pair when there is one", () => {
    const main = { name: "main", files: "main/", ours: [], external: [] };
    const web = { name: "web", files: "main/web/", ours: [], external: [] };
    expect(nestedLayers([web, main])).toEqual([[main, web]]);
  });
});

describe("the layering rules of DESIGN.md §1", () => {
  it("refuse the renderer importing runtime internals", async () => {
    const errors = await layerErrors("renderer/x.ts", 'import { go } from "../runtime/scheduler";\nexport const y = go;\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("renderer may not import runtime");
  });

  it("refuse the runtime importing node:fs", async () => {
    const errors = await layerErrors("runtime/x.ts", 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n');
    expect(errors[0]).toContain("runtime may not import the outside module 'node:fs'");
  });

  it("refuse a bare Node builtin in traces as well as the node: form", async () => {
    const errors = await layerErrors("traces/x.ts", 'import * as fs from "fs";\nexport const y = fs;\n');
    expect(errors[0]).toContain("'fs'");
  });

  it("refuse electron outside main/electron", async () => {
    const errors = await layerErrors("main/node/runner.ts", 'import { app } from "electron";\nexport const y = app;\n');
    expect(errors[0]).toContain("'electron'");
  });

  it("allow samples to import the runtime by the package name", async () => {
    const errors = await layerErrors("samples/x.ts", 'import { go } from "chanscope";\nexport const y = go;\n');
    expect(errors).toEqual([]);
  });

  it("allow the renderer the contract, traces and its drawing libraries", async () => {
    const code = 'import type { HostApi } from "../main/contract/hostApi";\nimport type { TraceEvent } from "../traces/events";\nimport * as d3 from "d3";\nexport const y = d3;\nexport type Z = [HostApi, TraceEvent];\n';
    expect(await layerErrors("renderer/x.ts", code)).toEqual([]);
  });
});
