// Go source for values, for the oracle tests that run real Go.

/** A Go string literal for a byte string: printable ASCII as it is, every other byte as \xNN. */
export function goLit(bytes: string): string {
  let out = '"';
  for (const ch of bytes) {
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += "\\x" + c.toString(16).padStart(2, "0");
  }
  return out + '"';
}
