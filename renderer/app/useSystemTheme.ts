import { useEffect, useState } from "react";
import type { ThemeName } from "../theme/palette";

const QUERY = "(prefers-color-scheme: dark)";

/** The system's light or dark preference, followed live. */
export function useSystemTheme(): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => (globalThis.matchMedia?.(QUERY).matches === true ? "dark" : "light"));
  useEffect(() => {
    const mq = globalThis.matchMedia?.(QUERY);
    if (mq === undefined) return;
    const update = (): void => setTheme(mq.matches ? "dark" : "light");
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);
  return theme;
}
