// How every view and the CLI name one event: by its index in the trace, from
// #0, as the trace file lists them and `chanscope explain --at 12` takes them.

/**
 * Event 12 is "#12": an id, so no thousands separator — "#1234" is what a
 * person types back into the event list's search or `explain --at 1234`.
 */
export function eventNumber(index: number): string {
  return `#${index}`;
}
