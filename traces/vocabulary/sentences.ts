// An explanation's "why" as sentences of its own. The explanation joins a
// goroutine's summary and why into one line for the CLI, Go-dump style
// ("…, which no running goroutine can send to: …"); a view that sets the
// summary apart (the end-state banner) shows the why as sentences instead.

/** Openers of a why that lean on the summary before it, and how they read standing alone. */
const OPENERS: readonly (readonly [RegExp, string])[] = [
  [/^which no running goroutine can send to: /, "No running goroutine can send to it. "],
  [/^which no running goroutine receives from: /, "No running goroutine receives from it. "],
  [/^and no running goroutine can act on any of them: /, "No running goroutine can act on any of them. "],
  [/^which blocks for ever/, "It blocks for ever"],
  [/^held by /, "It is held by "],
  [/^(while|until|because) /, "It waits $1 "],
  [/^and /, ""],
];

/** "which no running goroutine can send to: of its other users, G3 …" → "No running goroutine can send to it. Of its other users, G3 …." */
export function whySentence(why: string): string {
  if (why === "") return "";
  let s = why;
  for (const [re, to] of OPENERS) {
    if (re.test(s)) {
      s = s.replace(re, to);
      break;
    }
  }
  // Each sentence starts with a capital: the first, and one after a full stop the openers made.
  s = s.replace(/(^|\. )([a-z])/g, (_m, before: string, c: string) => `${before}${c.toUpperCase()}`);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
