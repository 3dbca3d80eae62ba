// A text too long to keep whole (a trace line has a size limit), cut with a
// marker that says how much is gone, so a reader never takes it for the whole.

/** 1234567 → "1,234,567", the same in every locale. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** What replaces the end of a cut text. */
export const cutMarker = (more: number): string => `… [cut: ${grouped(more)} more characters]`;

/**
 * `s` when it has at most `max` characters (UTF-16 units); otherwise its first
 * `max` of them (never half a surrogate pair) and the marker.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let keep = max;
  const last = s.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  return s.slice(0, keep) + cutMarker(s.length - keep);
}
