// ESLint rule `layers/allowed-imports`: fails any import a file's layer may not make.
import path from "node:path";
import { builtinModules } from "node:module";
import { LAYERS, TEST_EXTERNAL, PACKAGE_ALIASES, kitFolder } from "./layers.js";

const NODE_BUILTINS = new Set(builtinModules);

/**
 * What is wrong with a layer table: a layer's folder holding another's (a
 * file's layer would then depend on the table's order), or a test kit that
 * is not a folder `testing/` inside its own layer's folder or beside no
 * other layer's (main's kit, main/testing/, is in no layer's folder).
 * @param {readonly import("./layers.js").Layer[]} layers
 * @returns {string[]}
 */
export function layerTableProblems(layers) {
  const problems = [];
  for (const outer of layers) {
    for (const inner of layers) {
      if (inner !== outer && inner.files.startsWith(outer.files)) {
        problems.push(`the folder of layer ${outer.name} (${outer.files}) holds that of ${inner.name} (${inner.files})`);
      }
    }
    const kit = kitFolder(outer);
    if (!kit.endsWith("/testing/")) problems.push(`the kit of ${outer.name} (${kit}) is not a folder named testing/`);
    const host = layers.find((l) => kit.startsWith(l.files));
    if (host !== undefined && host !== outer) problems.push(`the kit of ${outer.name} (${kit}) is inside layer ${host.name}`);
    const twin = layers.find((l) => l !== outer && kitFolder(l) === kit);
    if (twin !== undefined) problems.push(`${outer.name} and ${twin.name} share the kit ${kit}`);
  }
  return problems;
}

const problems = layerTableProblems(LAYERS);
if (problems.length > 0) throw new Error(`tools/layers.js: ${problems.join("; ")}`);

/**
 * Where a repository file belongs: its layer, and whether it is in that
 * layer's test kit. Undefined for files in no layer (e2e/, bench/, tools/…).
 * @param {string} relFile
 * @returns {{ layer: import("./layers.js").Layer, kit: boolean } | undefined}
 */
export function placeOf(relFile) {
  const kitOwner = LAYERS.find((l) => relFile.startsWith(kitFolder(l)));
  if (kitOwner !== undefined) return { layer: kitOwner, kit: true };
  const layer = LAYERS.find((l) => relFile.startsWith(l.files));
  return layer === undefined ? undefined : { layer, kit: false };
}

function matches(pattern, name) {
  if (pattern.endsWith("*")) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}

/** The module name an import specifier names, Node builtins spelled `node:x`. */
function externalName(spec) {
  if (spec.startsWith("node:")) return spec;
  const first = spec.split("/")[0];
  if (NODE_BUILTINS.has(first)) return `node:${first}`;
  return spec;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Enforce the layering of DESIGN.md §1 (allowlist in tools/layers.js)" },
    schema: [],
    messages: {
      ours: "{{from}} may not import {{to}} ('{{spec}}'): {{from}} may import only {{allowed}}, and tests and kits their kits (tools/layers.js)",
      kit: "{{from}} may not import the test kit {{kit}} ('{{spec}}'): product code may not import a test kit, only tests and other kits may (tools/layers.js)",
      external: "{{from}} may not import the outside module '{{spec}}': allowed are {{allowed}} (tools/layers.js)",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const place = placeOf(file);
    if (!place) return {};
    const { layer } = place;
    const from = place.kit ? kitFolder(layer) : layer.name;
    const isTest = /\.test\.tsx?$/.test(file);

    function check(node, spec) {
      if (typeof spec !== "string") return;
      let target;
      if (spec.startsWith(".") || spec.startsWith("/")) {
        const abs = path.resolve(path.dirname(context.filename), spec);
        target = path.relative(root, abs).split(path.sep).join("/");
      } else if (Object.hasOwn(PACKAGE_ALIASES, spec.split("/")[0])) {
        target = PACKAGE_ALIASES[spec.split("/")[0]];
      }
      if (target !== undefined) {
        const to = placeOf(target);
        if (!to) return;
        if (to.layer.name !== layer.name && !layer.ours.includes(to.layer.name)) {
          const toName = to.kit ? kitFolder(to.layer) : to.layer.name;
          context.report({ node, messageId: "ours", data: { from, to: toName, spec, allowed: layer.ours.join(", ") } });
          return;
        }
        if (to.kit && !isTest && !place.kit) {
          context.report({ node, messageId: "kit", data: { from, kit: kitFolder(to.layer), spec } });
        }
        return;
      }
      const name = externalName(spec);
      const allowed = isTest ? [...layer.external, ...TEST_EXTERNAL] : layer.external;
      if (allowed.some((p) => matches(p, name))) return;
      context.report({ node, messageId: "external", data: { from, spec, allowed: allowed.length ? allowed.join(", ") : "none" } });
    }

    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === "Literal" && check(n.source, n.source.value),
      CallExpression: (n) => {
        if (n.callee.type === "Identifier" && n.callee.name === "require" && n.arguments[0]?.type === "Literal") {
          check(n.arguments[0], n.arguments[0].value);
        }
      },
    };
  },
};

/** @type {import("eslint").ESLint.Plugin} */
export default { rules: { "allowed-imports": rule } };
