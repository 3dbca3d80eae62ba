// What the CLI prints comes partly from files and programs it did not write: a trace
// could clear the screen, set the window title or write the clipboard with escape
// sequences. Every line the CLI prints passes here, so no control character reaches
// the terminal raw; each is shown as a visible escape instead.

// C0 (but the line break the CLI itself means), DEL and C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every control character but "\n" written as `\xHH` / `\uHHHH`. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, visible);
}

/** Go's traceback as terminalText shows it, but for the tab that starts a frame's file:line, which stays a tab. */
export function tracebackText(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith("\t") ? `\t${terminalText(line.slice(1))}` : terminalText(line)))
    .join("\n");
}
