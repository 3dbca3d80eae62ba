// The few parts of Go's unicode package that strings needs, on runes (code
// points): white space, letters and digits, and the simple (one rune to one
// rune) case mappings. JS's case mapping is the full one: where it turns one
// code point into several, Go's simple mapping is looked up here instead (or
// the rune stays as it is, as Go's does when there is no simple mapping).

/** Go's unicode.IsSpace. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

/** Go's unicode.IsLetter(r) || unicode.IsDigit(r). */
export function isLetterOrDigit(r: number): boolean {
  return LETTER_OR_DIGIT.test(String.fromCodePoint(r));
}

/** The code point of a one-code-point JS string, or undefined. */
function single(text: string): number | undefined {
  const cp = text.codePointAt(0);
  return cp !== undefined && text.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

const isRune = (r: number): boolean => (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff);

/** Greek letters with a subscript iota: their simple upper (and title) case, which JS's full mapping spells as two letters. */
function iotaUpper(r: number): number | undefined {
  const block = r & ~0xf;
  if ((block === 0x1f80 || block === 0x1f90 || block === 0x1fa0) && (r & 0xf) < 8) return r + 8;
  if (r === 0x1fb3 || r === 0x1fc3 || r === 0x1ff3) return r + 9;
  return undefined;
}

/** Go's unicode.ToUpper. */
export function toUpper(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  if (!isRune(r)) return r;
  return single(String.fromCodePoint(r).toUpperCase()) ?? iotaUpper(r) ?? r;
}

/** Go's unicode.ToLower. */
export function toLower(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // İ: JS's full mapping adds a combining dot.
  if (!isRune(r)) return r;
  return single(String.fromCodePoint(r).toLowerCase()) ?? r;
}

// The digraphs whose title case is not their upper case: Ǆǅǆ Ǉǈǉ Ǌǋǌ Ǳǲǳ.
const DIGRAPH_TITLES: Readonly<Record<number, number>> = {
  0x1c4: 0x1c5,
  0x1c5: 0x1c5,
  0x1c6: 0x1c5,
  0x1c7: 0x1c8,
  0x1c8: 0x1c8,
  0x1c9: 0x1c8,
  0x1ca: 0x1cb,
  0x1cb: 0x1cb,
  0x1cc: 0x1cb,
  0x1f1: 0x1f2,
  0x1f2: 0x1f2,
  0x1f3: 0x1f2,
};

/** Go's unicode.ToTitle. */
export function toTitle(r: number): number {
  const digraph = DIGRAPH_TITLES[r];
  if (digraph !== undefined) return digraph;
  // Georgian Mkhedruli has an upper case (Mtavruli) but is its own title case.
  if ((r >= 0x10d0 && r <= 0x10fa) || (r >= 0x10fd && r <= 0x10ff)) return r;
  return toUpper(r);
}

/** One rune of each of Go's case-folding orbits (unicode.SimpleFold's): runes that fold alike are EqualFold. */
export function foldKey(r: number): number {
  // Turkish dotted and dotless i fold only to themselves.
  if (r === 0x130 || r === 0x131) return r;
  return toLower(toUpper(r));
}
