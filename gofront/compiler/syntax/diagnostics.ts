// What the compiler says about a program it will not run: Go's own form,
// FILE:LINE:COL: message, so an editor or a terminal links it to the place.

import type { Pos } from "./ast";

export interface Diagnostic {
  readonly file: string;
  readonly pos: Pos;
  readonly message: string;
}

export function diagnosticText(d: Diagnostic): string {
  return `${d.file}:${d.pos.line}:${d.pos.col}: ${d.message}`;
}

/** The subset's limit: said before the run, never a crash or a wrong answer. */
export function notSupported(construct: string): string {
  return `${construct} is not supported by chanscope`;
}

/** A program that does not compile: every diagnostic, in source order (Go stops at 10). */
export class GoCompileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(diagnosticText).join("\n"));
    this.name = "GoCompileError";
  }
}

/** Go's own cap on the errors one compilation reports. */
export const MAX_DIAGNOSTICS = 10;
