// Small inline badges shared by every panel, so a goroutine, a channel and a
// state look the same wherever they appear (colours from renderer/theme).

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { GoroutineState, TraceModel } from "../../traces/model/index";
import { channelLabelOf, eventNumber, goroutineLabelOf, stateLabel } from "../../traces/vocabulary/index";
import { channelColor, channelInk, stateColor, textOnColor, type ThemeName } from "../theme/palette";

/** A state in its colour. `short` drops "blocked: " where the row already says what it waits on. */
export function StateBadge({
  state,
  theme,
  short = false,
}: {
  readonly state: GoroutineState;
  readonly theme: ThemeName;
  readonly short?: boolean;
}) {
  const fill = stateColor(state, theme);
  const label = stateLabel(state);
  return (
    <span className="state-badge" style={{ background: fill, color: textOnColor(fill) }} data-state={state} title={label}>
      {/* A zero-width space after each dot lets Go's long wait reasons ("sync.WaitGroup.Wait") wrap in a narrow column. */}
      {short ? label.replace(/^blocked: /, "").replaceAll(".", ".\u200b") : label}
    </span>
  );
}

export function StateSwatch({ state, theme }: { readonly state: GoroutineState; readonly theme: ThemeName }) {
  return <span className="state-swatch" style={{ background: stateColor(state, theme) }} aria-hidden="true" />;
}

export function GoroutineChip(props: {
  readonly model: TraceModel | undefined;
  readonly g: GoroutineId;
  readonly state?: GoroutineState | undefined;
  readonly theme: ThemeName;
  readonly onClick?: (() => void) | undefined;
}) {
  const label = goroutineLabelOf(props.model, props.g);
  const content = (
    <>
      {props.state !== undefined && <StateSwatch state={props.state} theme={props.theme} />}
      {label}
    </>
  );
  // A chip cut to its column's width (the inspector's table) ends in an ellipsis; the title says it whole.
  return props.onClick === undefined ? (
    <span className="g-chip" data-g={props.g} title={label}>
      {content}
    </span>
  ) : (
    <button type="button" className="g-chip link" data-g={props.g} onClick={props.onClick} title={`Select ${label}`}>
      {content}
    </button>
  );
}

export function ChannelChip(props: {
  readonly model: TraceModel | undefined;
  readonly ch: ChannelId | null;
  readonly theme: ThemeName;
  readonly onClick?: (() => void) | undefined;
}) {
  const label = channelLabelOf(props.model, props.ch);
  // The border in the channel's own colour; its name in that colour made dark (or light) enough to read.
  const style =
    props.ch === null
      ? { borderColor: "var(--muted)", color: "var(--muted)" }
      : { borderColor: channelColor(props.ch, props.theme), color: channelInk(props.ch, props.theme) };
  return props.onClick === undefined ? (
    <span className="ch-chip" style={style} data-ch={props.ch ?? "nil"} title={label}>
      {label}
    </span>
  ) : (
    <button
      type="button"
      className="ch-chip link"
      style={style}
      data-ch={props.ch ?? "nil"}
      onClick={props.onClick}
      title={`Select ${label}`}
    >
      {label}
    </button>
  );
}

/** "#42" that moves the playhead to the event. */
export function EventLink({
  index,
  onActivate,
  label,
}: {
  readonly index: EventIndex;
  readonly onActivate: (index: EventIndex) => void;
  readonly label?: string;
}) {
  return (
    <button
      type="button"
      className="event-link"
      onClick={() => onActivate(index)}
      title={`Go to event ${eventNumber(index)}`}
      data-event={index}
    >
      {label ?? eventNumber(index)}
    </button>
  );
}
