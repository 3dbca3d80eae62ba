// What a key does to a splitter (the WAI-ARIA window splitter pattern): the
// arrows along its axis move it a step (Shift: a bigger step), Home and End
// to its ends. Pure, so the component only wires it to the DOM.

/** "vertical": a bar between columns, moved left and right; "horizontal": between rows, moved up and down. */
export type SplitterOrientation = "vertical" | "horizontal";

export const SPLITTER_STEP = 10;
export const SPLITTER_BIG_STEP = 50;

/**
 * The size after pressing `key`, or undefined when the key is not the
 * splitter's. `grows`: +1 when moving right (or down) makes the size bigger,
 * -1 when it makes it smaller (a panel on the right, or below).
 */
export function splitterKeyValue(
  key: string,
  shift: boolean,
  s: {
    readonly value: number;
    readonly min: number;
    readonly max: number;
    readonly orientation: SplitterOrientation;
    readonly grows: 1 | -1;
  },
): number | undefined {
  const step = shift ? SPLITTER_BIG_STEP : SPLITTER_STEP;
  const clamp = (v: number): number => Math.min(s.max, Math.max(s.min, v));
  const forward = s.orientation === "vertical" ? "ArrowRight" : "ArrowDown";
  const backward = s.orientation === "vertical" ? "ArrowLeft" : "ArrowUp";
  switch (key) {
    case forward:
      return clamp(s.value + s.grows * step);
    case backward:
      return clamp(s.value - s.grows * step);
    case "Home":
      return s.min;
    case "End":
      return s.max;
    default:
      return undefined;
  }
}

/** The size while dragging: where it was when the drag began, moved by the pointer's travel along the splitter's axis. */
export function splitterDragValue(
  start: number,
  travel: number,
  s: { readonly min: number; readonly max: number; readonly grows: 1 | -1 },
): number {
  return Math.min(s.max, Math.max(s.min, Math.round(start + s.grows * travel)));
}
