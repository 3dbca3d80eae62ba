// A channel's buffer as a row of slots: values in order, head (next to be
// received) on the left, empty slots dashed; an unbuffered channel shows its
// rendezvous instead. Tinted with the channel's colour.

import type { ChannelStateAt } from "../../traces/model/index";
import { eventNumber, goroutineTag } from "../../traces/vocabulary/index";
import { channelColor, withAlpha, type ThemeName } from "../theme/palette";

/** Past this many slots the row shows the first ones and a count. */
const MAX_SLOTS = 16;

export function ChannelBufferBoxes({ channel, theme }: { readonly channel: ChannelStateAt; readonly theme: ThemeName }) {
  const color = channelColor(channel.id, theme);
  if (channel.cap === 0) {
    return (
      <div className="buffer-row unbuffered" data-testid="buffer" data-len={0} data-cap={0}>
        <span className="muted">unbuffered — a send waits for a receiver</span>
      </div>
    );
  }
  const shown = Math.min(channel.cap, MAX_SLOTS);
  const slots = [];
  for (let k = 0; k < shown; k++) {
    const v = channel.buffer[k];
    slots.push(
      v === undefined ? (
        <span key={k} className="buffer-slot empty" style={{ borderColor: withAlpha(color, 0.5) }} />
      ) : (
        <span
          key={k}
          className="buffer-slot full"
          style={{ borderColor: color, background: withAlpha(color, theme === "dark" ? 0.28 : 0.16) }}
          title={`${v.v} — sent by ${goroutineTag(v.g)} at event ${eventNumber(v.send.index)}`}
          data-value={v.v}
        >
          {v.v}
        </span>
      ),
    );
  }
  return (
    <div className="buffer-row" data-testid="buffer" data-len={channel.buffer.length} data-cap={channel.cap}>
      <span className="buffer-end muted" title="next value received">
        head
      </span>
      {slots}
      {channel.cap > MAX_SLOTS && <span className="muted">+{channel.cap - MAX_SLOTS} slots</span>}
      <span className="buffer-end muted">tail</span>
    </div>
  );
}
