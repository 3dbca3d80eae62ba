// A fast path past JSON.parse for the lines our own writer produces. JSON.parse is
// more than half of the reading time of a big trace; most of its cost is making a
// fresh object per line and internalizing every key. This scanner reads the common
// shape — a flat object, no whitespace, known keys, integers, escape-free strings,
// true/false/null — into one reused record of every field, and gives up (returns
// false) on anything else: arrays, escapes, exponents, unknown keys, stray bytes.
// The caller then uses JSON.parse, so what a line means, and the error it gets, never
// depends on which path read it (a fuzz test compares the two).

/** Every field name an event line may have, as a fixed-shape record reused for every line. */
export class LineFields {
  seq: unknown = undefined;
  t: unknown = undefined;
  g: unknown = undefined;
  kind: unknown = undefined;
  loc: unknown = undefined;
  child: unknown = undefined;
  name: unknown = undefined;
  ch: unknown = undefined;
  cap: unknown = undefined;
  v: unknown = undefined;
  len: unknown = undefined;
  peer: unknown = undefined;
  sel: unknown = undefined;
  ok: unknown = undefined;
  from: unknown = undefined;
  reason: unknown = undefined;
  obj: unknown = undefined;
  until: unknown = undefined;
  io: unknown = undefined;
  by: unknown = undefined;
  chosen: unknown = undefined;
  hasDefault: unknown = undefined;
  timer: unknown = undefined;
  op: unknown = undefined;
  purpose: unknown = undefined;
  at: unknown = undefined;
  type: unknown = undefined;
  mode: unknown = undefined;
  delta: unknown = undefined;
  count: unknown = undefined;
  ctx: unknown = undefined;
  parent: unknown = undefined;
  deadline: unknown = undefined;
  done: unknown = undefined;
  err: unknown = undefined;
  cause: unknown = undefined;
  source: unknown = undefined;
  label: unknown = undefined;
  message: unknown = undefined;
  fatal: unknown = undefined;
  stack: unknown = undefined;
  status: unknown = undefined;
  limit: unknown = undefined;
  n: unknown = undefined;
  old: unknown = undefined;
  stream: unknown = undefined;
  text: unknown = undefined;
  // Array-valued fields: the scanner never fills them (it gives up on "["), but they
  // must read as absent, like every field a line does not have.
  readonly cases: unknown = undefined;
  readonly ready: unknown = undefined;

  clear(): void {
    this.seq = this.t = this.g = this.kind = this.loc = this.child = this.name = this.ch = undefined;
    this.cap = this.v = this.len = this.peer = this.sel = this.ok = this.from = this.reason = undefined;
    this.obj = this.until = this.io = this.by = this.chosen = this.hasDefault = this.timer = this.op = undefined;
    this.purpose = this.at = this.type = this.mode = this.delta = this.count = this.ctx = this.parent = undefined;
    this.deadline = this.done = this.err = this.cause = this.source = this.label = this.message = undefined;
    this.fatal = this.stack = this.status = this.limit = this.n = this.old = undefined;
    this.stream = this.text = undefined;
  }
}

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const OPEN = 123;
const CLOSE = 125;
/** More digits than this may not be a safe integer: JSON.parse decides those. */
const MAX_DIGITS = 15;

/** A backslash (an escape) or a control character other than "\n" (never valid raw in a string). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_JSON_PARSE = /[\\\x00-\x09\x0b-\x1f]/g;

/**
 * Reads lines of the common shape into one reused LineFields. Lines come as offsets
 * into the reader's whole chunk: reading a flat string is much faster than reading
 * slices of it, and one regex pass per chunk (not per character) rules out escapes and
 * control characters, so strings and keys can be found with indexOf.
 */
export class LineScanner {
  readonly fields = new LineFields();
  private text = "";
  /** Where the next escape or control character in `text` is (text.length: none). */
  private nextAwkward = -1;

  /** The string the next scan() offsets point into. */
  startText(s: string): void {
    this.text = s;
    this.nextAwkward = -1;
  }

  /**
   * Fills `fields` (cleared first) from the line text[from, to) and returns true, or
   * returns false when the line needs JSON.parse. Never throws. Lines of one text must
   * come in order.
   */
  scan(from: number, to: number): boolean {
    const s = this.text;
    if (this.nextAwkward < from) {
      NEEDS_JSON_PARSE.lastIndex = from;
      const m = NEEDS_JSON_PARSE.exec(s);
      this.nextAwkward = m === null ? s.length : m.index;
    }
    this.fields.clear();
    if (this.nextAwkward < to) return false;
    return scanPlainLine(s, from, to, this.fields);
  }
}

/** Scans s[from, to), which holds no backslash and no control character. */
function scanPlainLine(s: string, from: number, to: number, f: LineFields): boolean {
  if (to - from < 2 || s.charCodeAt(from) !== OPEN || s.charCodeAt(to - 1) !== CLOSE) return false;
  let i = from + 1;
  for (;;) {
    if (s.charCodeAt(i) !== QUOTE) return false;
    const keyStart = i + 1;
    const keyEnd = s.indexOf('"', keyStart);
    if (keyEnd < 0 || keyEnd >= to || s.charCodeAt(keyEnd + 1) !== COLON) return false;
    i = keyEnd + 2;
    let c = s.charCodeAt(i);
    let value: unknown;
    if (c === QUOTE) {
      const end = s.indexOf('"', i + 1);
      if (end < 0 || end >= to) return false;
      value = s.slice(i + 1, end);
      i = end + 1;
    } else if ((c >= ZERO && c <= NINE) || c === MINUS) {
      const negative = c === MINUS;
      if (negative) c = s.charCodeAt(++i);
      const digitsStart = i;
      let x = 0;
      while (c >= ZERO && c <= NINE) {
        x = x * 10 + (c - ZERO);
        c = s.charCodeAt(++i);
      }
      const digits = i - digitsStart;
      // No digits, a leading zero ("01"), too many digits, a fraction or an exponent.
      if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && s.charCodeAt(digitsStart) === ZERO)) return false;
      if (c === DOT || c === LOWER_E || c === UPPER_E) return false;
      value = negative ? -x : x;
    } else if (c === 116 /* t */ && s.startsWith("true", i)) {
      value = true;
      i += 4;
    } else if (c === 102 /* f */ && s.startsWith("false", i)) {
      value = false;
      i += 5;
    } else if (c === 110 /* n */ && s.startsWith("null", i)) {
      value = null;
      i += 4;
    } else {
      return false;
    }
    if (!setField(f, s, keyStart, keyEnd - keyStart, value)) return false;
    c = s.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    return c === CLOSE && i === to - 1;
  }
}

/** Stores `value` under the key s[at, at+len); false for a key the record does not have. */
function setField(f: LineFields, s: string, at: number, len: number, value: unknown): boolean {
  // Dispatch on length, then the first character, then check the whole key: no slicing,
  // no hashing.
  switch (len) {
    case 1: {
      const c0 = s.charCodeAt(at);
      if (c0 === 116 /* t */) f.t = value;
      else if (c0 === 103 /* g */) f.g = value;
      else if (c0 === 118 /* v */) f.v = value;
      else if (c0 === 110 /* n */) f.n = value;
      else return false;
      return true;
    }
    case 2:
      if (s.startsWith("ch", at)) f.ch = value;
      else if (s.startsWith("ok", at)) f.ok = value;
      else if (s.startsWith("io", at)) f.io = value;
      else if (s.startsWith("by", at)) f.by = value;
      else if (s.startsWith("op", at)) f.op = value;
      else if (s.startsWith("at", at)) f.at = value;
      else return false;
      return true;
    case 3:
      if (s.startsWith("seq", at)) f.seq = value;
      else if (s.startsWith("len", at)) f.len = value;
      else if (s.startsWith("loc", at)) f.loc = value;
      else if (s.startsWith("cap", at)) f.cap = value;
      else if (s.startsWith("sel", at)) f.sel = value;
      else if (s.startsWith("obj", at)) f.obj = value;
      else if (s.startsWith("ctx", at)) f.ctx = value;
      else if (s.startsWith("err", at)) f.err = value;
      else if (s.startsWith("old", at)) f.old = value;
      else return false;
      return true;
    case 4:
      if (s.startsWith("kind", at)) f.kind = value;
      else if (s.startsWith("peer", at)) f.peer = value;
      else if (s.startsWith("from", at)) f.from = value;
      else if (s.startsWith("name", at)) f.name = value;
      else if (s.startsWith("type", at)) f.type = value;
      else if (s.startsWith("mode", at)) f.mode = value;
      else if (s.startsWith("done", at)) f.done = value;
      else if (s.startsWith("text", at)) f.text = value;
      else return false;
      return true;
    case 5:
      if (s.startsWith("child", at)) f.child = value;
      else if (s.startsWith("until", at)) f.until = value;
      else if (s.startsWith("timer", at)) f.timer = value;
      else if (s.startsWith("delta", at)) f.delta = value;
      else if (s.startsWith("count", at)) f.count = value;
      else if (s.startsWith("cause", at)) f.cause = value;
      else if (s.startsWith("label", at)) f.label = value;
      else if (s.startsWith("fatal", at)) f.fatal = value;
      else if (s.startsWith("stack", at)) f.stack = value;
      else if (s.startsWith("limit", at)) f.limit = value;
      else return false;
      return true;
    case 6:
      if (s.startsWith("reason", at)) f.reason = value;
      else if (s.startsWith("chosen", at)) f.chosen = value;
      else if (s.startsWith("parent", at)) f.parent = value;
      else if (s.startsWith("source", at)) f.source = value;
      else if (s.startsWith("status", at)) f.status = value;
      else if (s.startsWith("stream", at)) f.stream = value;
      else return false;
      return true;
    case 7:
      if (s.startsWith("purpose", at)) f.purpose = value;
      else if (s.startsWith("message", at)) f.message = value;
      else return false;
      return true;
    case 8:
      if (s.startsWith("deadline", at)) f.deadline = value;
      else return false;
      return true;
    case 10:
      if (s.startsWith("hasDefault", at)) f.hasDefault = value;
      else return false;
      return true;
    default:
      return false;
  }
}
