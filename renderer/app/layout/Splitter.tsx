// A splitter between two parts of the workspace (WAI-ARIA's window splitter):
// a focusable separator that reports its size as aria-valuenow; dragging it
// or pressing the arrows along its axis resizes, Home and End go to the
// bounds, Enter folds the part it sizes (when it can be folded), and a
// double-click gives the size back to the layout budget.

import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from "react";
import { splitterDragValue, splitterKeyValue, type SplitterOrientation } from "./splitterKeys";

export interface SplitterProps {
  /** "vertical": between columns; "horizontal": between rows. */
  readonly orientation: SplitterOrientation;
  /** What it resizes, for a screen reader ("Resize the bottom panels"). */
  readonly label: string;
  /** The size of the part it resizes, in CSS px. */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** +1: moving right (down) makes the part bigger; -1: smaller (a part on the right, or below). */
  readonly grows: 1 | -1;
  readonly onChange: (value: number) => void;
  /** Enter: fold or unfold the part. */
  readonly onToggle?: (() => void) | undefined;
  /** Double-click: back to the size the layout picks. */
  readonly onReset?: (() => void) | undefined;
  readonly controls?: string | undefined;
  readonly testId?: string | undefined;
  readonly className?: string | undefined;
  readonly style?: CSSProperties | undefined;
}

export function Splitter(p: SplitterProps) {
  const drag = useRef<{ readonly pointer: number; readonly at: number; readonly value: number } | undefined>(undefined);
  const along = (e: PointerEvent): number => (p.orientation === "vertical" ? e.clientX : e.clientY);
  const bounds = { min: p.min, max: p.max, grows: p.grows };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { pointer: e.pointerId, at: along(e), value: p.value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === undefined || d.pointer !== e.pointerId) return;
    const next = splitterDragValue(d.value, along(e) - d.at, bounds);
    if (next !== p.value) p.onChange(next);
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag.current?.pointer !== e.pointerId) return;
    drag.current = undefined;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === "Enter" && p.onToggle !== undefined) {
      e.preventDefault();
      p.onToggle();
      return;
    }
    const next = splitterKeyValue(e.key, e.shiftKey, {
      value: p.value,
      min: p.min,
      max: p.max,
      orientation: p.orientation,
      grows: p.grows,
    });
    if (next === undefined) return;
    // Keys are the page's shortcuts too (arrows step the playhead): this one is the splitter's.
    e.preventDefault();
    e.stopPropagation();
    p.onChange(next);
  };

  return (
    <div
      className={`splitter splitter-${p.orientation}${p.className === undefined ? "" : ` ${p.className}`}`}
      role="separator"
      tabIndex={0}
      aria-orientation={p.orientation}
      aria-label={p.label}
      aria-valuenow={Math.round(p.value)}
      aria-valuemin={Math.round(p.min)}
      aria-valuemax={Math.round(p.max)}
      aria-valuetext={`${Math.round(p.value)} pixels`}
      aria-controls={p.controls}
      data-testid={p.testId}
      style={p.style}
      title={`${p.label}: drag, or focus and use the arrow keys${p.onToggle === undefined ? "" : "; Enter folds it"}${p.onReset === undefined ? "" : "; double-click resets it"}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
      onDoubleClick={p.onReset}
    />
  );
}
