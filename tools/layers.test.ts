import { execFileSync } from "node:child_process";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import layers, { layerTableProblems, placeOf } from "./eslint-plugin-layers.js";
import { LAYERS } from "./layers.js";

const root = new URL("..", import.meta.url).pathname;

// The rule alone, without the project's type-checked rules: the files linted
// here are made up, so no tsconfig holds them.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.{ts,tsx,js,mjs}"],
      languageOptions: { parser: tseslint.parser },
      plugins: { layers },
      rules: { "layers/allowed-imports": "error" },
    },
  ],
});

async function layerErrors(file: string, code: string): Promise<readonly string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === "layers/allowed-imports").map((m) => m.message);
}

describe("the layer table", () => {
  it("has no layer whose folder holds another's, so its order does not matter", () => {
    expect(layerTableProblems(LAYERS)).toEqual([]);
  });

  it("would be refused with a layer whose folder holds another's", () => {
    const main = { name: "main", files: "main/", ours: [], external: [] };
    const web = { name: "web", files: "main/web/", ours: [], external: [] };
    expect(layerTableProblems([web, main])).toEqual(["the folder of layer main (main/) holds that of web (main/web/)"]);
  });

  it("would be refused with a test kit inside another layer's folder", () => {
    const core = { name: "core", files: "main/core/", ours: [], external: [] };
    const node = { name: "node", files: "main/node/", kit: "main/core/testing/", ours: [], external: [] };
    expect(layerTableProblems([core, node])).toContain("the kit of node (main/core/testing/) is inside layer core");
  });

  it("puts every source file under main/ in a layer or its test kit", () => {
    const files = execFileSync("git", ["ls-files", "main"], { cwd: root, encoding: "utf8" }).split("\n");
    const sources = files.filter((f) => /\.(ts|tsx|mjs|js)$/.test(f));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((f) => placeOf(f) === undefined)).toEqual([]);
  });

  it("places each layer's testing/ folder in its test kit, and main/testing/ in main's", () => {
    expect(placeOf("traces/testing/builder.ts")).toMatchObject({ layer: { name: "traces" }, kit: true });
    expect(placeOf("renderer/testing/fixtures.ts")).toMatchObject({ layer: { name: "renderer" }, kit: true });
    expect(placeOf("main/testing/testWorkers.ts")).toMatchObject({ layer: { name: "main-node" }, kit: true });
    expect(placeOf("traces/model/testing.ts")).toMatchObject({ layer: { name: "traces" }, kit: false });
  });
});

describe("the layering rules of DESIGN.md §1", () => {
  it("are on for every source file in the project's lint config", async () => {
    const project = new ESLint({ cwd: root });
    for (const file of ["renderer/app/App.tsx", "runtime/channel.ts", "main/node/desktop/desktopHost.ts", "tools/layers.js"]) {
      const config = (await project.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      expect(config.rules?.["layers/allowed-imports"], file).toEqual([2]);
    }
  });

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
    const code =
      'import type { HostApi } from "../main/contract/hostApi";\nimport type { TraceEvent } from "../traces/events";\nimport * as d3 from "d3";\nexport const y = d3;\nexport type Z = [HostApi, TraceEvent];\n';
    expect(await layerErrors("renderer/x.ts", code)).toEqual([]);
  });
});

describe("the testing layer", () => {
  it("refuses product code importing its own layer's test kit", async () => {
    const errors = await layerErrors("traces/model/x.ts", 'import { build } from "../testing/builder";\nexport const y = build;\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("traces may not import the test kit traces/testing/");
  });

  it("refuses product code importing a lower layer's test kit", async () => {
    const errors = await layerErrors(
      "renderer/state/x.ts",
      'import { trace } from "../../traces/testing/fixtures";\nexport const y = trace;\n',
    );
    expect(errors[0]).toContain("renderer may not import the test kit traces/testing/");
  });

  it("refuses the desktop host importing main's test kit", async () => {
    const errors = await layerErrors(
      "main/node/desktop/x.ts",
      'import { typeScriptRunWorkers } from "../../testing/testWorkers";\nexport const y = typeScriptRunWorkers;\n',
    );
    expect(errors[0]).toContain("main-node may not import the test kit main/testing/");
  });

  it("allows a test file its own layer's kit and the kits of the layers below", async () => {
    const code =
      'import { typeScriptRunWorkers } from "../../testing/testWorkers";\nimport { trace } from "../../../traces/testing/fixtures";\nexport const y = [typeScriptRunWorkers, trace];\n';
    expect(await layerErrors("main/node/desktop/x.test.ts", code)).toEqual([]);
  });

  it("allows a kit the kits of the layers below it and its own layer's code", async () => {
    const code =
      'import { run } from "../../runtime/testing/support";\nimport { trace } from "../../traces/testing/fixtures";\nimport { SAMPLES } from "../catalog/catalog";\nexport const y = [run, trace, SAMPLES];\n';
    expect(await layerErrors("samples/testing/x.ts", code)).toEqual([]);
  });

  it("refuses a kit or a test the kit of a layer above", async () => {
    const fromKit = await layerErrors(
      "traces/testing/x.ts",
      'import { run } from "../../runtime/testing/support";\nexport const y = run;\n',
    );
    expect(fromKit[0]).toContain("traces/testing/ may not import runtime/testing/");
    const fromTest = await layerErrors(
      "traces/x.test.ts",
      'import { GOLDEN_OPTIONS } from "../main/testing/golden";\nexport const y = GOLDEN_OPTIONS;\n',
    );
    expect(fromTest[0]).toContain("traces may not import main/testing/");
  });

  it("gives a kit only its layer's outside modules, not a test file's", async () => {
    const errors = await layerErrors("runtime/testing/x.ts", 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n');
    expect(errors[0]).toContain("runtime/testing/ may not import the outside module 'node:fs'");
  });

  it("allows the end-to-end tests, the benches and the tools any kit", async () => {
    const code =
      'import { typeScriptWorker } from "../main/testing/testWorkers";\nimport { trace } from "../traces/testing/fixtures";\nexport const y = [typeScriptWorker, trace];\n';
    expect(await layerErrors("bench/x.ts", code)).toEqual([]);
    expect(await layerErrors("e2e/x.e2e.ts", code)).toEqual([]);
    expect(await layerErrors("tools/x.ts", code)).toEqual([]);
  });
});
