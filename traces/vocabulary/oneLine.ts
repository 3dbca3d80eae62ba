// A name or a value from a trace is set into a line of text: a line break
// inside it must not start a line of its own, or a trace could print a fake
// "status ok" under a deadlock in the terminal (or a second row in a chip).
// Breaks are shown the way a string literal writes them.

const BREAKS = /[\r\n\u2028\u2029]/g;

const ESCAPES: Readonly<Record<string, string>> = { "\r": "\\r", "\n": "\\n", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** `s` on one line: "\n", "\r" and the Unicode line and paragraph separators written as escapes. */
export function oneLine(s: string): string {
  return s.replace(BREAKS, (c) => ESCAPES[c] ?? c);
}
