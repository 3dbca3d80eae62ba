// A list of entities the DOM draws in full (the inspector's goroutine table, a
// filter's options) shows at most a few hundred of them: a program with a
// million goroutines would otherwise put millions of nodes in the page on
// every update of a live run. The ones that must stay (the selected one, say)
// are kept even past the limit.

/** The most rows a full, non-virtualized list draws. */
export const ROW_LIMIT = 500;

export interface LimitedRows<T> {
  readonly shown: readonly T[];
  /** How many were left out. */
  readonly hidden: number;
}

/** The first `limit` items, in order, plus any later ones `keep` asks for. */
export function limitRows<T>(items: readonly T[], keep: (item: T) => boolean, limit: number = ROW_LIMIT): LimitedRows<T> {
  if (items.length <= limit) return { shown: items, hidden: 0 };
  const shown = items.slice(0, limit);
  for (let i = limit; i < items.length; i++) if (keep(items[i]!)) shown.push(items[i]!);
  return { shown, hidden: items.length - shown.length };
}
