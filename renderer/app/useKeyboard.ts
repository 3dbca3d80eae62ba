import { useEffect, useRef, type Dispatch } from "react";
import type { UiAction } from "../state/actions";
import { meaningOfKey } from "../state/keyboard";

const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["button", "checkbox", "radio", "range", "submit"].includes(target.type);
};

/** The window's shortcuts (renderer/state/keyboard.ts), off while typing in a field. */
export function useKeyboard(dispatch: Dispatch<UiAction>, overlayOpen: boolean): void {
  const latest = useRef(overlayOpen);
  latest.current = overlayOpen;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = meaningOfKey(e, isTyping(e.target), latest.current);
      if (action === undefined) return;
      // Space on a focused button would also click it; arrows would scroll a panel.
      e.preventDefault();
      dispatch(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dispatch]);
}
