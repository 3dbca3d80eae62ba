// Files opened by mistake for a chanscope trace: a Go execution trace, JSON
// pretty-printed over several lines, a Chrome/Perfetto trace, a gzip file. The
// reader fails on each at its first line; this tells from the file's first few
// KiB what it looks like, so the error can say so and say what chanscope reads
// instead. Nothing here quotes the file (it may hold a secret): the hints are
// fixed sentences, the one number in them a Go trace's format version.

/** How much of a file's start (its decoded text) is enough to tell. */
export const FOREIGN_HEAD_CHARS = 4096;

export type ForeignFormat =
  /** Go's binary trace (runtime/trace, `go tool trace`); `goVersion` from its magic, "go 1.19 trace\0…". */
  | { readonly kind: "go-trace"; readonly goVersion: string }
  | { readonly kind: "gzip" }
  /** Chrome Trace Event JSON, object ({"traceEvents":[…]}) or array form: what `chanscope export` writes. */
  | { readonly kind: "chrome-trace" }
  /** One JSON value spread over lines; `chanscope`: it has a chanscope header's "format" in it (a reformatted trace). */
  | { readonly kind: "multi-line-json"; readonly opens: "object" | "array"; readonly chanscope: boolean }
  /** A JSON array on one line, where a header object should be. */
  | { readonly kind: "json-array" };

const GO_MAGIC = /^go 1\.(\d{1,3}) trace/;
const GZIP_ID1 = 0x1f;
const GZIP_ID2 = 0x8b;
/** What 0x8b, a lone UTF-8 continuation byte, decodes to. */
const REPLACEMENT = 0xfffd;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

/** {"traceEvents": …}, after at most a few plain fields ("displayTimeUnit":"ns"). */
const CHROME_OBJECT = /^\{\s*(?:"[^"\\]*"\s*:\s*(?:"[^"\\]*"|[-+.\w]+)\s*,\s*)*"traceEvents"\s*:/;
/** The array form's events: a one-letter phase and a timestamp or process id. */
const CHROME_PHASE = /"ph"\s*:\s*"[A-Za-z]"/;
const CHROME_PLACE = /"(?:ts|pid)"\s*:/;
const CHANSCOPE_FORMAT = /"format"\s*:\s*"chanscope-trace"/;
/** A first line that stops where a formatter breaks lines: after an opening bracket, a comma or a key. */
const BROKEN_AFTER = /[{[,:]$/;

/**
 * What `head`, the start of a file as text, looks like when it is not a chanscope
 * trace; undefined when it is not one of the formats known here. Bytes are read as
 * UTF-8 (invalid sequences as U+FFFD) before they come here. Never throws.
 */
export function foreignFormat(head: string): ForeignFormat | undefined {
  const go = GO_MAGIC.exec(head);
  if (go !== null && head.charCodeAt(go[0].length) === 0) return { kind: "go-trace", goVersion: `1.${go[1]}` };
  if (head.charCodeAt(0) === GZIP_ID1 && (head.charCodeAt(1) === GZIP_ID2 || head.charCodeAt(1) === REPLACEMENT)) return { kind: "gzip" };

  // trimStart drops a byte-order mark too: JavaScript counts U+FEFF as a space.
  const text = head.trimStart();
  const open = text.charCodeAt(0);
  if (open !== OPEN_BRACE && open !== OPEN_BRACKET) return undefined;
  if (open === OPEN_BRACE ? CHROME_OBJECT.test(text) : CHROME_PHASE.test(text) && CHROME_PLACE.test(text)) return { kind: "chrome-trace" };
  const lineEnd = text.search(/[\r\n]/);
  const firstLine = (lineEnd < 0 ? text : text.slice(0, lineEnd)).trimEnd();
  // A whole line: an object is a header with something wrong in it, which the reader says; an array never is one.
  if (parses(firstLine)) return open === OPEN_BRACKET ? { kind: "json-array" } : undefined;
  // No line end within the head: a long line, not yet known to be anything.
  if (lineEnd < 0) return undefined;
  if (BROKEN_AFTER.test(firstLine) || parses(text)) {
    return { kind: "multi-line-json", opens: open === OPEN_BRACKET ? "array" : "object", chanscope: CHANSCOPE_FORMAT.test(text) };
  }
  return undefined;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const OWN_FILES = "chanscope reads its own trace files (.jsonl, one JSON event per line, saved by chanscope or `chanscope run --out`)";
const JSON_LINES = "chanscope trace files hold one JSON object per line (JSON Lines: a header line, then one line per event)";
const ONE_PER_LINE_OBJECTS = "put each object back on a line of its own (`jq -c . in.json > out.jsonl`)";
const ONE_PER_LINE_ITEMS = "put each item on a line of its own (`jq -c '.[]' in.json > out.jsonl`)";

/** The reader's error for a file of this format: what it looks like and what chanscope reads instead. */
export function foreignFormatHint(format: ForeignFormat): string {
  switch (format.kind) {
    case "go-trace":
      return (
        `this looks like a Go execution trace (Go ${format.goVersion} format, written by runtime/trace and read by \`go tool trace\`), ` +
        `not a chanscope trace: ${OWN_FILES} and cannot read Go's binary trace format`
      );
    case "gzip":
      return (
        "this looks like a gzip-compressed file, not a chanscope trace: chanscope reads trace files as plain text " +
        "(.jsonl, one JSON event per line); if it holds one, decompress it first (gunzip)"
      );
    case "chrome-trace":
      return (
        "this looks like a Chrome/Perfetto trace (Trace Event JSON, as `chanscope export --format chrome` writes), " +
        `not a chanscope trace: ${OWN_FILES}; open this file in Perfetto UI (ui.perfetto.dev), or open the .jsonl trace it was exported from`
      );
    case "multi-line-json":
      if (format.opens === "array") {
        return `this looks like a JSON array spread over several lines: ${JSON_LINES}, not an array; if it holds a trace's header and events, ${ONE_PER_LINE_ITEMS}`;
      }
      return format.chanscope
        ? `this looks like a chanscope trace pretty-printed over several lines (by an editor or a JSON formatter): ${JSON_LINES}; ${ONE_PER_LINE_OBJECTS}`
        : `this looks like pretty-printed JSON spread over several lines: ${JSON_LINES}; if an editor reformatted a trace, ${ONE_PER_LINE_OBJECTS}`;
    case "json-array":
      return `this looks like a JSON array: ${JSON_LINES}, not an array; if it holds a trace's header and events, ${ONE_PER_LINE_ITEMS}`;
  }
}
