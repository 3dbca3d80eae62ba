import { useEffect, type Dispatch } from "react";
import type { UiAction } from "../state/actions";

/** While playing, reports elapsed wall time every animation frame; the reducer turns it into events. */
export function usePlaybackClock(playing: boolean, dispatch: Dispatch<UiAction>): void {
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      dispatch({ type: "playback/ticked", elapsedMs: now - last });
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, dispatch]);
}
