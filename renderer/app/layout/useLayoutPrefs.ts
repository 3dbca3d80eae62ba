// The workspace's sizes as the user left them: read once from localStorage,
// written back whenever they change (shortly after the last change, so a drag
// writes once, and at once when the page goes away). A storage that refuses
// (private mode, quota) only means the sizes are not remembered.

import { useCallback, useEffect, useRef, useState } from "react";
import { LAYOUT_PREFS_KEY, parseLayoutPrefs, serializeLayoutPrefs, type LayoutPrefs } from "./layoutPrefs";

const WRITE_DELAY_MS = 150;

function read(): string | null {
  try {
    return window.localStorage.getItem(LAYOUT_PREFS_KEY);
  } catch {
    return null;
  }
}

function write(prefs: LayoutPrefs): void {
  try {
    window.localStorage.setItem(LAYOUT_PREFS_KEY, serializeLayoutPrefs(prefs));
  } catch {
    // Not remembered; the layout still works.
  }
}

export function useLayoutPrefs(): readonly [LayoutPrefs, (change: Partial<LayoutPrefs>) => void] {
  const [prefs, setPrefs] = useState<LayoutPrefs>(() => parseLayoutPrefs(read()));
  const unsaved = useRef<LayoutPrefs | undefined>(undefined);
  useEffect(() => {
    const flush = (): void => {
      if (unsaved.current !== undefined) write(unsaved.current);
      unsaved.current = undefined;
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);
  const change = useCallback((c: Partial<LayoutPrefs>) => setPrefs((p) => ({ ...p, ...c })), []);
  const loaded = useRef(prefs);
  useEffect(() => {
    if (prefs === loaded.current) return;
    unsaved.current = prefs;
    const timer = setTimeout(() => {
      if (unsaved.current !== undefined) write(unsaved.current);
      unsaved.current = undefined;
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [prefs]);
  return [prefs, change] as const;
}
