// Long lists in the side panels, bounded by what is on screen rather than by
// what the trace holds: a program with 300,000 goroutines must not put
// 300,000 rows (or filter options, or queue chips) into the page. Pure
// arithmetic here; the React side is in LongLists.tsx.

/** Rows of a virtualized list in view, with `overscan` rows either side: [first, last). */
export function rowsInView(
  scrollTop: number,
  viewHeight: number,
  count: number,
  rowHeight: number,
  overscan: number,
): { readonly first: number; readonly last: number } {
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count, Math.max(first, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan));
  return { first, last };
}

/**
 * Where to scroll a list so that the row at `rowTop` is in view: undefined when
 * it already is, else with the row in the middle of the view (a run streaming
 * in keeps its newest row there).
 */
export function scrollToShow(scrollTop: number, viewHeight: number, rowTop: number, rowHeight: number): number | undefined {
  if (rowTop >= scrollTop && rowTop + rowHeight <= scrollTop + viewHeight) return undefined;
  return Math.max(0, rowTop - viewHeight / 2);
}

/**
 * The first `limit` items, plus those past it that must stay in sight (`keep`:
 * the selected one, say), in their order; and how many are left out.
 */
export function firstOf<T>(
  items: readonly T[],
  limit: number,
  keep: (item: T) => boolean = () => false,
): { readonly shown: readonly T[]; readonly hidden: number } {
  if (items.length <= limit) return { shown: items, hidden: 0 };
  const shown = items.slice(0, limit);
  for (let k = limit; k < items.length; k++) if (keep(items[k] as T)) shown.push(items[k] as T);
  return { shown, hidden: items.length - shown.length };
}
