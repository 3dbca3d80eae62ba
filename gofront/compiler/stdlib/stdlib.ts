// The standard packages as the checker sees them: each declaration file read
// and checked in order, into the table a program is checked against. A
// mistake in a declaration file is a bug of gofront's, said loudly.

import type { GoParser } from "../syntax/parser";
import { diagnosticText } from "../syntax/diagnostics";
import { checkDeclarations, type PackageTable } from "../types/checker";
import type { Scope } from "../types/scope";
import { STDLIB } from "./declarations";

export function loadStdlib(parser: GoParser): PackageTable {
  const table = new Map<string, { readonly name: string; readonly scope: Scope }>();
  for (const pkg of STDLIB) {
    const file = `$GOROOT/src/${pkg.path}/declarations.go`;
    const read = parser.read(pkg.source, file, { declarations: true });
    if (!read.ok) throw new Error(`gofront's declarations of ${pkg.path} do not read:\n${read.diagnostics.map(diagnosticText).join("\n")}`);
    const checked = checkDeclarations(read.file, table, pkg.path);
    if (checked.diagnostics.length > 0)
      throw new Error(`gofront's declarations of ${pkg.path} do not check:\n${checked.diagnostics.map(diagnosticText).join("\n")}`);
    table.set(pkg.path, { name: read.file.pkg.name, scope: checked.scope });
  }
  return table;
}
