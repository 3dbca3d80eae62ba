// How the run ended, when it did not simply finish: Go's own message, then per
// stuck / leaked / panicked goroutine what it waits on and why nothing can wake
// it, with a button to jump to its last block; and the wait cycle, if any.
// When the lanes need the room (the workspace's budget says so), it is compact:
// a one-line summary, and the list scrolls inside the height it is given.

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { ENDING_TITLES, goroutineTag } from "../../traces/vocabulary/index";
import { stateColor, textOnColor, type ThemeName } from "../theme/palette";
import { useState } from "react";
import { ChannelChip, GoroutineChip } from "./chips";
import { firstOf } from "./listWindow";
import { ShowMore } from "./LongLists";
import type { EndStateEntry, EndStateView } from "./endStateView";

export interface EndStateBannerProps {
  readonly view: EndStateView;
  /** full: all of it; compact: a summary line and the list scrolling within `maxHeight`; folded: the headline (and summary) alone. */
  readonly mode: "full" | "compact" | "folded";
  readonly maxHeight: number | undefined;
  readonly model: TraceModel;
  readonly theme: ThemeName;
  readonly collapsed: boolean;
  readonly onCollapsedChange: (collapsed: boolean) => void;
  readonly onJump: (index: EventIndex) => void;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
  readonly onSelectChannel: (ch: ChannelId) => void;
}

/** Goroutines the banner explains at first, and how many more each "Show more" adds: the inspector lists them all. */
const ENTRY_STEP = 20;

function jumpLabel(entry: EndStateEntry): string {
  const who = goroutineTag(entry.g);
  switch (entry.kind) {
    case "panicked":
      return `Jump to ${who}'s panic`;
    case "unfinished":
      return entry.parked ? `Jump to ${who}'s last block` : `Jump to when ${who} became runnable`;
    case "unawaited":
      return `Jump to ${who}'s operation`;
    case "deadlocked":
    case "leaked":
    case "blocked":
      return `Jump to ${who}'s last block`;
  }
}

export function EndStateBanner(p: EndStateBannerProps) {
  const v = p.view;
  const [entryLimit, setEntryLimit] = useState(ENTRY_STEP);
  const entries = firstOf(v.entries, entryLimit);
  const accent = stateColor(
    v.tone === "leak" || v.tone === "unfinished" || v.tone === "unawaited" ? "leaked" : v.tone === "panic" ? "panicked" : "deadlocked",
    p.theme,
  );
  const folded = p.collapsed || p.mode === "folded";
  return (
    <section
      className={`end-banner tone-${v.tone} mode-${folded ? "folded" : p.mode}`}
      style={{ borderLeftColor: accent, maxHeight: p.mode === "compact" ? p.maxHeight : undefined }}
      data-testid="end-banner"
      data-tone={v.tone}
      data-mode={folded ? "folded" : p.mode}
      aria-live="polite"
    >
      <header className="end-banner-head">
        <span className="end-banner-tone" style={{ background: accent, color: textOnColor(accent) }}>
          {ENDING_TITLES[v.tone]}
        </span>
        <code className="end-banner-headline" data-testid="end-headline" title={v.headline}>
          {v.headline}
        </code>
        {folded && v.summary !== "" && (
          <span className="end-banner-summary" title={v.summary}>
            {v.summary}
          </span>
        )}
        <button type="button" className="ghost small" onClick={() => p.onCollapsedChange(!p.collapsed)} aria-expanded={!p.collapsed}>
          {p.collapsed ? "Show why" : "Hide"}
        </button>
      </header>
      {!folded && p.mode === "compact" && v.summary !== "" && (
        <p className="end-banner-summary-line" title={v.summary} data-testid="end-summary">
          {v.summary}
          <span className="muted"> — details below</span>
        </p>
      )}
      {!folded && (
        <div className="end-banner-body">
          <ul className="end-banner-items">
            {entries.shown.map((it) => (
              <li key={`${it.g}-${it.kind}`} data-g={it.g}>
                <div className="end-item-text">
                  <GoroutineChip model={p.model} g={it.g} theme={p.theme} onClick={() => p.onSelectGoroutine(it.g)} />{" "}
                  {it.channels.map((ch) => (
                    <span key={ch}>
                      <ChannelChip model={p.model} ch={ch} theme={p.theme} onClick={() => p.onSelectChannel(ch)} />{" "}
                    </span>
                  ))}
                  <span className="end-summary">{it.summary}.</span>
                  {it.why !== "" && <span className="end-why"> {it.why}</span>}
                </div>
                {it.jumpTo !== undefined && (
                  <button type="button" className="small" onClick={() => p.onJump(it.jumpTo as EventIndex)} data-testid="jump-to-block">
                    {jumpLabel(it)}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <ShowMore
            hidden={entries.hidden}
            step={ENTRY_STEP}
            noun={["goroutine", "goroutines"]}
            onMore={() => setEntryLimit((n) => n + ENTRY_STEP)}
          />
          {v.cycles.map((c) => (
            <p key={c} className="end-cycle" style={{ color: accent }} data-testid="end-cycle">
              ⟳ Wait cycle: {c}
            </p>
          ))}
          {v.stack !== undefined && (
            <details className="end-stack">
              <summary>stack</summary>
              <pre>{v.stack}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
