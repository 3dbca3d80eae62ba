// The legend above the timeline: the states this trace actually has, in the
// shared palette, what the glyphs mean (the mark of a printed line only when
// the program printed) and, when the run closes a channel, how a closed channel
// looks. A handful of items, so plain DOM.

import { useMemo, useRef } from "react";
import { GOROUTINE_STATES, type TraceModel } from "../../traces/model/index";
import { stateLabel } from "../../traces/vocabulary/index";
import { STATE_LEGEND_ORDER, stateColor } from "../theme/palette";
import type { ThemeName } from "../theme/palette";
import { CLOSED_WORD } from "./chrome/gutter";
import { hasClosedChannel, StatesSeen } from "./legendStates";

const GLYPHS: readonly { readonly key: string; readonly label: string; readonly svg: string }[] = [
  { key: "send", label: "send", svg: '<circle cx="6" cy="6" r="3.5" fill="currentColor"/>' },
  { key: "recv", label: "receive", svg: '<circle cx="6" cy="6" r="3.2" fill="none" stroke="currentColor" stroke-width="1.7"/>' },
  { key: "close", label: "close", svg: '<path d="M2.5 2.5l7 7M9.5 2.5l-7 7" stroke="currentColor" stroke-width="1.7"/>' },
  { key: "select", label: "select", svg: '<path d="M6 1.5L10.5 6 6 10.5 1.5 6z" fill="currentColor"/>' },
  { key: "spawn", label: "go", svg: '<path d="M6 2v8M2 6h8" stroke="currentColor" stroke-width="1.7"/>' },
  {
    key: "arrow",
    label: "value sent → received",
    svg: '<path d="M1 9C5 9 6 3 10 3" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M11 3L7.5 1v4z" fill="currentColor"/>',
  },
];

export function TimelineLegend({ model, theme }: { readonly model: TraceModel; readonly theme: ThemeName }) {
  const seen = useRef<StatesSeen | undefined>(undefined);
  seen.current ??= new StatesSeen();
  const tracker = seen.current;
  const present = useMemo(() => tracker.update(model), [tracker, model]);
  const states = STATE_LEGEND_ORDER.filter((s) => present.has(GOROUTINE_STATES.indexOf(s)));
  const closes = useMemo(() => hasClosedChannel(model), [model]);
  return (
    <div className="cs-timeline-legend" aria-label="Legend">
      {states.map((s) => (
        <span key={s} className="cs-legend-item">
          <span
            className={`cs-legend-swatch${s === "exited" ? " cs-legend-swatch-thin" : ""}`}
            style={{ background: stateColor(s, theme) }}
          />
          {stateLabel(s)}
        </span>
      ))}
      <span className="cs-legend-sep" />
      {GLYPHS.map((g) => (
        <span key={g.key} className="cs-legend-item">
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" dangerouslySetInnerHTML={{ __html: g.svg }} />
          {g.label}
        </span>
      ))}
      {model.output.length > 0 && (
        <span
          className="cs-legend-item"
          data-testid="legend-output"
          title="On a goroutine's lane, where it printed a line (red: to stderr); the Output tab lists the lines"
        >
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M2 3.5h8L6 9z" fill="currentColor" />
          </svg>
          printed a line
        </span>
      )}
      <span className="cs-legend-sep" />
      <span className="cs-legend-item" title="In a channel's lane: goroutines waiting to send on it">
        <svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">
          <rect x="0" y="0" width="16" height="3" fill={stateColor("blocked-send", theme)} />
          <path d="M0 10H16" stroke="currentColor" strokeOpacity="0.4" />
        </svg>
        senders waiting
      </span>
      <span className="cs-legend-item" title="In a channel's lane: goroutines waiting to receive from it">
        <svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">
          <path d="M0 2H16" stroke="currentColor" strokeOpacity="0.4" />
          <rect x="0" y="9" width="16" height="3" fill={stateColor("blocked-recv", theme)} />
        </svg>
        receivers waiting
      </span>
      {closes && (
        <span
          className="cs-legend-item"
          data-legend="closed"
          title={`A channel's lane is hatched after its close; from then on its gutter says "${CLOSED_WORD}"`}
        >
          <svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">
            <path d="M0 12L8 0M5 12L13 0M10 12L16 3" stroke="currentColor" strokeOpacity="0.5" />
            <path d="M1 0V12" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span>
            closed channel: lane hatched, &ldquo;<span className="cs-legend-closed">{CLOSED_WORD}</span>&rdquo; in the gutter
          </span>
        </span>
      )}
      <span className="cs-legend-item cs-legend-note">
        each channel has one colour: its lane, its arrows, the badges on goroutines blocked on it
      </span>
    </div>
  );
}
