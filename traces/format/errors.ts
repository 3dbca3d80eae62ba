// The reader's error and warning types. One error class for every way a file can be
// wrong, so the CLI, the desktop app and the browser all show the same message.

/**
 * A trace file is not what it should be. `line` is 1-based (the header is line 1);
 * `field` names the offending field when there is one ("cases[2].ch" for nested ones).
 * The message reads `line 12: field "ch": expected an integer channel id (0 to 2147483647), got "x"`.
 */
export class TraceFormatError extends Error {
  override readonly name: string = "TraceFormatError";
  readonly line: number;
  readonly field: string | undefined;
  /** The message without the `line N: field "f": ` prefix. */
  readonly detail: string;

  constructor(line: number, detail: string, field?: string) {
    super(`line ${line}: ${field === undefined ? "" : `field "${field}": `}${detail}`);
    this.line = line;
    this.field = field;
    this.detail = detail;
  }
}

/** The file was written by a newer chanscope whose format this reader does not know. */
export class UnsupportedVersionError extends TraceFormatError {
  override readonly name: string = "UnsupportedVersionError";
  readonly version: number;
  readonly supported: number;

  constructor(line: number, version: number, supported: number) {
    super(
      line,
      `this trace uses format version ${version}, but this chanscope reads versions up to ${supported}; ` +
        `open it with a newer chanscope`,
      "version",
    );
    this.version = version;
    this.supported = supported;
  }
}

/** Something worth telling the user that still let the trace load. */
export interface TraceWarning {
  readonly line: number;
  /** Byte offset into the file the warning is about (where a cut-off line starts). */
  readonly byteOffset?: number;
  readonly message: string;
}

const PREVIEW_MAX = 40;

/** A short, safe description of a JSON value for an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  switch (typeof v) {
    case "string": {
      const s = JSON.stringify(v.length > PREVIEW_MAX ? v.slice(0, PREVIEW_MAX) : v);
      return v.length > PREVIEW_MAX ? `${s.slice(0, -1)}…" (a string of ${v.length} characters)` : s;
    }
    case "number":
    case "boolean":
      return String(v);
    case "object":
      return "an object";
    case "bigint":
    case "function":
    case "symbol":
    case "undefined":
      break;
  }
  return typeof v;
}

/** `expected <what>, got <value>`, or `, but it is missing` when the field is absent. */
export function fieldError(line: number, field: string, expected: string, got: unknown): TraceFormatError {
  const detail = got === undefined ? `expected ${expected}, but the field is missing` : `expected ${expected}, got ${describeValue(got)}`;
  return new TraceFormatError(line, detail, field);
}
