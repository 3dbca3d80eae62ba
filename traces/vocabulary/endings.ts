// How a run ended, in the words every view uses: the banner's title, the
// CLI's summary row and the explanation's headline all come from here, so a
// sleeping goroutine main's return cut off is called the same everywhere.

/**
 * finished: main returned and nothing was left behind.
 * leak: main returned while goroutines were blocked with nothing that could ever wake them.
 * unawaited: main returned while a goroutine whose function had returned was left on an operation it never awaited.
 * unfinished: main returned while goroutines could still have gone on (runnable, sleeping, or waiting on one that could).
 * limit / stopped: a limit, or the user, stopped a program that was still going.
 */
export type EndingKind = "finished" | "deadlock" | "panic" | "leak" | "unawaited" | "unfinished" | "limit" | "stopped" | "truncated";

export const ENDING_TITLES: Readonly<Record<EndingKind, string>> = {
  finished: "Finished",
  deadlock: "Deadlock",
  panic: "Panic",
  leak: "Goroutine leak",
  unawaited: "Missing await",
  unfinished: "Main returned early",
  limit: "Stopped by a limit",
  stopped: "Stopped",
  truncated: "Trace cut off",
};

/** The compact form (a sample card's tag) of the endings a sample can be made to show. */
export const ENDING_TAGS: Readonly<Record<"deadlock" | "leak" | "unfinished" | "panic", string>> = {
  deadlock: "deadlock",
  leak: "goroutine leak",
  unfinished: "main returns early",
  panic: "panic",
};

/** What a Go program does when main returns, and what to do about it: said for every goroutine it cut off. */
export const MAIN_ENDS_PROGRAM = "a Go program ends when main returns, so make main wait for it (a WaitGroup or a channel)";

/** Why a goroutine stays on an operation it never awaited, and what to change; `loc` is the operation's line. */
export function unawaitedWhy(loc: string | undefined): string {
  return `and its function returned without awaiting it${loc === undefined ? "" : ` (the call at ${loc})`}, so it stays blocked on it: add \`await\``;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const goroutines = (n: number): string => `${n} ${plural(n, "goroutine", "goroutines")}`;

/** Goroutines main's return left behind, by kind. */
export interface LeftBehind {
  readonly leaked: number;
  readonly unawaited: number;
  readonly unfinished: number;
}

/** The kind of a run main's return ended: the most telling of what it left behind. */
export function mainReturnedKind(left: LeftBehind): EndingKind {
  if (left.unawaited > 0) return "unawaited";
  if (left.leaked > 0) return "leak";
  if (left.unfinished > 0) return "unfinished";
  return "finished";
}

/** The headline of a run whose main returned: one sentence, whatever it left behind. */
export function mainReturnedHeadline(left: LeftBehind): string {
  const clauses: string[] = [];
  const verdicts: string[] = [];
  if (left.leaked > 0) {
    clauses.push(`${goroutines(left.leaked)} ${plural(left.leaked, "was", "were")} still blocked`);
    verdicts.push(`${plural(left.leaked, "it", "they")} leaked`);
  }
  if (left.unawaited > 0) {
    clauses.push(`${goroutines(left.unawaited)} ${plural(left.unawaited, "was", "were")} left on an operation never awaited`);
    verdicts.push("a missing await");
  }
  if (left.unfinished > 0) {
    clauses.push(`${goroutines(left.unfinished)} had not finished`);
    verdicts.push(`the program ended under ${plural(left.unfinished, "it", "them")}`);
  }
  if (clauses.length === 0) return "The program finished normally.";
  if (clauses.length === 1) return `main returned while ${clauses[0] as string}: ${verdicts[0] as string}.`;
  const withVerdicts = clauses.map((c, k) => (k === 0 && left.leaked > 0 ? `${c} (${verdicts[0] as string})` : c));
  return `main returned while ${withVerdicts.slice(0, -1).join(", ")} and ${withVerdicts.at(-1) as string}.`;
}
