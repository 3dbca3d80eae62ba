// Source locations as the trace spells them ("file:line" or "file:line:column"):
// the panels need only the line.

/** "samples/x.ts:12:3" → { file: "samples/x.ts", line: 12 }. */
export function parseLoc(loc: string | undefined): { readonly file: string; readonly line: number } | undefined {
  if (loc === undefined) return undefined;
  const m = /^(.*?):(\d+)(?::\d+)?$/.exec(loc);
  if (m === null) return undefined;
  return { file: m[1] as string, line: Number(m[2]) };
}
