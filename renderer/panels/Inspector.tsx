// The state at the playhead, read from model.stateAt: every goroutine (state,
// what it waits on, since when, where), every channel (len/cap, the buffered
// values in order, parked senders and receivers, closed), the sync objects,
// and the selected event in full.

import { eventIndex, type ChannelId, type EventIndex, type GoroutineId } from "../../traces/events";
import type { ModelState, SyncObjectStateAt, TraceModel, WaitInfo } from "../../traces/model/index";
import { formatTime, goroutineTag, objectLabelOf, waitShortParts } from "../../traces/vocabulary/index";
import type { Selection } from "../timeline/contract";
import type { ThemeName } from "../theme/palette";
import { parseLoc } from "../state/sourceLoc";
import { ChannelBufferBoxes } from "./ChannelBufferBoxes";
import { ChannelChip, EventLink, GoroutineChip, StateBadge } from "./chips";
import { EventDetails } from "./EventDetails";
import { limitRows } from "./rowLimit";

export interface InspectorProps {
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly selection: Selection | undefined;
  readonly theme: ThemeName;
  readonly onActivate: (index: EventIndex) => void;
  readonly onSelect: (selection: Selection | undefined) => void;
  readonly onShowLine: (index: EventIndex) => void;
}

export function Inspector(p: InspectorProps) {
  const { model, state, theme, selection } = p;
  const selectG = (g: GoroutineId) => p.onSelect({ kind: "goroutine", g });
  const selectCh = (ch: ChannelId) => p.onSelect({ kind: "channel", ch });
  const detailIndex = detailIndexOf(model, selection, state.index);
  const detailTitle = titleOfDetail(selection, detailIndex, state.index);
  const selectedG = selection?.kind === "goroutine" || selection?.kind === "span" ? selection.g : undefined;
  const selectedCh = selection?.kind === "channel" ? selection.ch : undefined;
  const goroutines = state.goroutines;
  const blocked = goroutines.filter((g) => g.wait !== undefined).length;
  const rows = limitRows(goroutines, (g) => g.id === selectedG || g.id === state.running);
  // In a run where everything happens at one instant (virtual time), "since" is an event, not a time.
  const timed = model.endTime > model.startTime;
  return (
    <div className="inspector" data-testid="inspector" data-playhead={state.index}>
      <section className="panel-section">
        <h3>{detailTitle}</h3>
        {detailIndex >= 0 && detailIndex < model.length ? (
          <EventDetails
            model={model}
            index={detailIndex}
            theme={theme}
            onActivate={p.onActivate}
            onSelectGoroutine={selectG}
            onSelectChannel={selectCh}
            onShowLine={p.onShowLine}
          />
        ) : (
          <p className="muted">Before the first event: nothing has happened yet.</p>
        )}
      </section>

      <section className="panel-section">
        <h3>
          Goroutines <span className="count">{goroutines.length}</span>
          {blocked > 0 && <span className="count warn">{blocked} parked</span>}
        </h3>
        <table className="grid goroutines" data-testid="goroutine-table">
          <thead>
            <tr>
              <th>goroutine</th>
              <th>state</th>
              <th>waiting on</th>
              <th>since</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((g) => {
              const line = parseLoc(g.wait?.loc)?.line;
              return (
                <tr
                  key={g.id}
                  className={
                    g.id === selectedG ? "selected" : g.id === state.running ? "running-now" : g.state === "exited" ? "gone" : undefined
                  }
                  data-g={g.id}
                  data-state={g.state}
                  onClick={() => selectG(g.id)}
                >
                  <td>
                    <GoroutineChip model={model} g={g.id} theme={theme} />
                  </td>
                  <td>
                    <StateBadge state={g.state} theme={theme} short />
                  </td>
                  <td className="wait-cell">
                    {g.wait === undefined ? (
                      <span className="muted">—</span>
                    ) : (
                      <WaitWithChannels wait={g.wait} model={model} theme={theme} onSelectChannel={selectCh} />
                    )}
                    {g.wait !== undefined && line !== undefined && (
                      <button
                        type="button"
                        className="event-link line-link"
                        onClick={(e) => {
                          e.stopPropagation();
                          p.onShowLine(g.wait?.block.index ?? eventIndex(-1));
                        }}
                        title={`Show line ${line} in the source`}
                      >
                        :{line}
                      </button>
                    )}
                  </td>
                  <td>
                    <EventLink
                      index={g.since.index}
                      onActivate={p.onActivate}
                      label={timed ? formatTime(g.since.t) : `#${g.since.index}`}
                    />
                  </td>
                </tr>
              );
            })}
            {rows.hidden > 0 && (
              <tr className="more-rows">
                <td colSpan={4} className="muted">
                  {rows.hidden.toLocaleString("en-US")} more not listed: select one on the timeline to see it here
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      <section className="panel-section">
        <h3>
          Channels <span className="count">{state.channels.length}</span>
        </h3>
        {state.channels.length === 0 && <p className="muted">No channel made yet.</p>}
        <ul className="channel-list" data-testid="channel-list">
          {limitRows(state.channels, (c) => c.id === selectedCh).shown.map((c) => (
            <li
              key={c.id}
              className={c.id === selectedCh ? "channel-card selected" : "channel-card"}
              data-ch={c.id}
              data-channel-name={c.name ?? ""}
            >
              <div className="channel-head">
                <ChannelChip model={model} ch={c.id} theme={theme} onClick={() => selectCh(c.id)} />
                <span className="len-cap" data-testid="len-cap">
                  {c.cap === 0 ? "unbuffered" : `${c.buffer.length}/${c.cap}`}
                </span>
                {c.closed && <span className="closed-tag">closed</span>}
              </div>
              <ChannelBufferBoxes channel={c} theme={theme} />
              {c.sendq.length > 0 && (
                <div className="queue" data-testid="sendq">
                  <span className="queue-label">waiting to send</span>
                  {c.sendq.map((w) => (
                    <span key={w.g} className="queue-item">
                      <GoroutineChip model={model} g={w.g} state={state.goroutine(w.g)?.state} theme={theme} onClick={() => selectG(w.g)} />
                      {w.v !== undefined && <code className="queue-value">{w.v}</code>}
                      {w.select && <span className="muted">(select)</span>}
                    </span>
                  ))}
                </div>
              )}
              {c.recvq.length > 0 && (
                <div className="queue" data-testid="recvq">
                  <span className="queue-label">waiting to receive</span>
                  {c.recvq.map((w) => (
                    <span key={w.g} className="queue-item">
                      <GoroutineChip model={model} g={w.g} state={state.goroutine(w.g)?.state} theme={theme} onClick={() => selectG(w.g)} />
                      {w.select && <span className="muted">(select)</span>}
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      {state.objects.length > 0 && (
        <section className="panel-section">
          <h3>
            Sync objects <span className="count">{state.objects.length}</span>
          </h3>
          <ul className="object-list">
            {limitRows(state.objects, () => false).shown.map((o) => (
              <li key={o.id} className="object-row">
                <span className="object-name">{objectLabelOf(model, o.id)}</span>{" "}
                <SyncObjectState model={model} object={o} theme={theme} onSelectGoroutine={selectG} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The event the details section shows: the selected event, a selected flow's send, a selected span's start; else the playhead's. */
function detailIndexOf(model: TraceModel, selection: Selection | undefined, playhead: EventIndex): EventIndex {
  switch (selection?.kind) {
    case "event":
      return selection.index;
    case "flow":
      return selection.flow >= 0 && selection.flow < model.flows.length ? model.flows.flow(selection.flow).send.index : playhead;
    case "span": {
      const spans = model.goroutine(selection.g)?.spans;
      return spans !== undefined && selection.span >= 0 && selection.span < spans.length ? spans.startIndex(selection.span) : playhead;
    }
    case "goroutine":
    case "channel":
    case undefined:
      return playhead;
  }
}

function titleOfDetail(selection: Selection | undefined, index: number, playhead: number): string {
  switch (selection?.kind) {
    case "event":
      return index === playhead ? "Selected event (at the playhead)" : `Selected event #${index}`;
    case "flow":
      return `Selected value: its send, #${index}`;
    case "span":
      return `Selected span of ${goroutineTag(selection.g)}: where it began, #${index}`;
    case "goroutine":
    case "channel":
    case undefined:
      return "Event at the playhead";
  }
}

/** "recv ← a": the wait's short form, each channel in it a coloured chip. */
function WaitWithChannels(p: {
  readonly wait: WaitInfo;
  readonly model: TraceModel;
  readonly theme: ThemeName;
  readonly onSelectChannel: (ch: ChannelId) => void;
}) {
  return (
    <span>
      {waitShortParts(p.wait, p.model).map((part, k) =>
        typeof part === "string" ? (
          <span key={k}>{part}</span>
        ) : (
          <ChannelChip key={k} model={p.model} ch={part.ch} theme={p.theme} onClick={() => p.onSelectChannel(part.ch)} />
        ),
      )}
    </span>
  );
}

function SyncObjectState(p: {
  readonly model: TraceModel;
  readonly object: SyncObjectStateAt;
  readonly theme: ThemeName;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
}) {
  const o = p.object;
  const chip = (g: GoroutineId) => <GoroutineChip key={g} model={p.model} g={g} theme={p.theme} onClick={() => p.onSelectGoroutine(g)} />;
  switch (o.type) {
    case "Mutex":
    case "RWMutex":
      return (
        <span className="object-state">
          {o.holder !== undefined ? (
            <>held by {chip(o.holder)}</>
          ) : o.readers.length > 0 ? (
            <>read by {o.readers.map(chip)}</>
          ) : (
            <span className="muted">unlocked</span>
          )}
          {o.waiters.length > 0 && <> · waiting: {o.waiters.map((w) => chip(w.g))}</>}
        </span>
      );
    case "WaitGroup":
      return (
        <span className="object-state">
          counter <strong>{o.counter}</strong>
          {o.waiters.length > 0 && <> · waiting: {o.waiters.map((w) => chip(w.g))}</>}
        </span>
      );
    case "Once":
      return (
        <span className="object-state">
          {o.once}
          {o.onceBy !== undefined && <> by {chip(o.onceBy)}</>}
          {o.waiters.length > 0 && <> · waiting: {o.waiters.map((w) => chip(w.g))}</>}
        </span>
      );
  }
}
