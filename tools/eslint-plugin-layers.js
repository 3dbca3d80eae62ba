// ESLint rule `layers/allowed-imports`: fails any import a file's layer may not make.
import path from "node:path";
import { builtinModules } from "node:module";
import { LAYERS, TEST_EXTERNAL, PACKAGE_ALIASES } from "./layers.js";

const NODE_BUILTINS = new Set(builtinModules);

/**
 * Pairs of layers where one's folder holds the other's: then a file's layer would depend on the table's order.
 * @param {readonly import("./layers.js").Layer[]} layers
 * @returns {[import("./layers.js").Layer, import("./layers.js").Layer][]}
 */
export function nestedLayers(layers) {
  return layers.flatMap((outer) => layers.filter((inner) => inner !== outer && inner.files.startsWith(outer.files)).map((inner) => [outer, inner]));
}

const nested = nestedLayers(LAYERS);
if (nested.length > 0) {
  const [outer, inner] = nested[0];
  throw new Error(`tools/layers.js: the folder of layer ${outer.name} (${outer.files}) holds that of ${inner.name} (${inner.files}); a file must belong to one layer whatever the order`);
}

function layerOf(relFile) {
  return LAYERS.find((l) => relFile.startsWith(l.files));
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
      ours: "{{from}} may not import {{to}} ('{{spec}}'): {{from}} may import only {{allowed}} (tools/layers.js)",
      external: "{{from}} may not import the outside module '{{spec}}': allowed are {{allowed}} (tools/layers.js)",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const layer = layerOf(file);
    if (!layer) return {};
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
        const to = layerOf(target);
        if (!to || to.name === layer.name || layer.ours.includes(to.name)) return;
        context.report({ node, messageId: "ours", data: { from: layer.name, to: to.name, spec, allowed: layer.ours.join(", ") } });
        return;
      }
      const name = externalName(spec);
      const allowed = isTest ? [...layer.external, ...TEST_EXTERNAL] : layer.external;
      if (allowed.some((p) => matches(p, name))) return;
      context.report({ node, messageId: "external", data: { from: layer.name, spec, allowed: allowed.length ? allowed.join(", ") : "none" } });
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

export default { rules: { "allowed-imports": rule } };
