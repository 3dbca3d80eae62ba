// UTF-8 byte counting for string input, so warnings can give byte offsets into the
// file whether the reader was fed bytes or text.

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes `s.slice(start, end)` takes in UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string, start = 0, end = s.length): number {
  const part = start === 0 && end === s.length ? s : s.slice(start, end);
  // Traces are almost all ASCII; the regex scan is native and much faster than the loop.
  if (!NON_ASCII.test(part)) return part.length;
  let bytes = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < part.length) {
      const d = part.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
