// The toolbar: files and runs on the left, playback in the middle, the time
// readout and the view toggles on the right.

import { useEffect, useRef, useState, type Dispatch } from "react";
import type { SampleSummary } from "../../main/contract/hostApi";
import type { EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { ENDING_TAGS, formatTime } from "../../traces/vocabulary/index";
import type { AppCommands } from "../state/commands";
import type { UiAction } from "../state/actions";
import { endStateEvent } from "../state/uiReducer";
import { PLAYBACK_SPEEDS, type UiState } from "../state/uiState";
import { timeAxisTitle } from "../timeline/timeAxis";
import { Icon } from "./icons";
import { playheadReadout } from "./readout";
import { seedOfText } from "../state/seedText";

export interface ToolbarProps {
  readonly ui: UiState;
  readonly model: TraceModel | undefined;
  readonly samples: readonly SampleSummary[];
  readonly commands: AppCommands;
  readonly dispatch: Dispatch<UiAction>;
}

const END_STATE_LABEL = { deadlock: "Deadlock", panic: "Panic", leak: "Leak" } as const;

export function Toolbar(p: ToolbarProps) {
  const { ui, model, dispatch, commands } = p;
  const hasTrace = model !== undefined && model.length > 0;
  const running = ui.run.kind === "running" || ui.run.kind === "starting";
  const live = ui.document.kind === "trace" && ui.document.liveRunId !== undefined;
  const canRunAgain = ui.document.kind === "trace" && ui.document.program !== undefined;
  // The field keeps what the user typed; the settings take it only when it is a valid seed.
  const [seedText, setSeedText] = useState(String(ui.settings.seed));
  useEffect(() => {
    setSeedText((t) => {
      const parsed = seedOfText(t);
      return "seed" in parsed && parsed.seed === ui.settings.seed ? t : String(ui.settings.seed);
    });
  }, [ui.settings.seed]);
  const parsedSeed = seedOfText(seedText);
  const seedProblem = "problem" in parsedSeed ? parsedSeed.problem : undefined;
  const endAt = model === undefined ? undefined : endStateEvent(model);
  const endKind =
    model === undefined || endAt === undefined
      ? undefined
      : model.ending.deadlock !== undefined
        ? "deadlock"
        : model.ending.panics.length > 0
          ? "panic"
          : "leak";
  const playing = ui.playback.kind === "playing";
  return (
    <header className="toolbar" role="toolbar" aria-label="chanscope">
      <h1 className="brand">chanscope</h1>
      <div className="tb-group">
        <SampleMenu samples={p.samples} onOpen={(id) => commands.openSample(id)} />
        <button type="button" onClick={commands.openTrace} title="Open a trace file (Ctrl+O)">
          Open trace…
        </button>
        <button type="button" onClick={commands.openProgram} title="Run a program file (Ctrl+Shift+O)">
          Run program…
        </button>
        <button type="button" onClick={commands.saveTrace} disabled={!hasTrace || live} title="Save the trace (Ctrl+S)">
          Save
        </button>
      </div>
      <div className="tb-group" aria-label="run">
        <label className="tb-field" title={seedProblem ?? "The seed of the run's scheduler and select choices"}>
          seed
          <input
            type="text"
            inputMode="numeric"
            value={seedText}
            onChange={(e) => {
              setSeedText(e.target.value);
              const parsed = seedOfText(e.target.value);
              if ("seed" in parsed) dispatch({ type: "settings/seedChanged", seed: parsed.seed });
            }}
            aria-label="Seed"
            aria-invalid={seedProblem !== undefined}
            aria-describedby={seedProblem === undefined ? undefined : "seed-problem"}
          />
          {seedProblem !== undefined && (
            <span id="seed-problem" className="tb-problem" role="alert">
              {seedProblem}
            </span>
          )}
        </label>
        <select
          value={ui.settings.strategy}
          onChange={(e) => dispatch({ type: "settings/strategyChanged", strategy: e.target.value === "random" ? "random" : "fifo" })}
          aria-label="Strategy"
          title="fifo: run goroutines in order; random: a seeded random schedule"
        >
          <option value="fifo">fifo</option>
          <option value="random">random</option>
        </select>
        <button
          type="button"
          onClick={commands.runAgain}
          disabled={!canRunAgain || running || seedProblem !== undefined}
          title="Run the program again with this seed and strategy"
        >
          <Icon name="rerun" /> Run again
        </button>
        <button
          type="button"
          className={running ? "danger" : undefined}
          onClick={commands.stopRun}
          disabled={ui.run.kind !== "running"}
          title="Stop the run (its events so far are kept)"
        >
          <Icon name="stop" size={12} /> Stop
        </button>
      </div>
      <div className="tb-group playback" aria-label="playback">
        <button
          type="button"
          onClick={() => dispatch({ type: "playhead/jumpedToStart" })}
          disabled={!hasTrace}
          title="Before the first event (Home)"
          aria-label="Jump to start"
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          onClick={() => dispatch({ type: "playhead/stepped", direction: -1, scope: "all" })}
          disabled={!hasTrace}
          title="Previous event (←; Shift: of the selection)"
          aria-label="Step back"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => dispatch({ type: "playback/toggled" })}
          disabled={!hasTrace}
          title="Play / pause (Space)"
          aria-label={playing ? "Pause" : "Play"}
        >
          <Icon name={playing ? "pause" : "play"} />
        </button>
        <button
          type="button"
          onClick={() => dispatch({ type: "playhead/stepped", direction: 1, scope: "all" })}
          disabled={!hasTrace}
          title="Next event (→; Shift: of the selection)"
          aria-label="Step forward"
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          onClick={() => dispatch({ type: "playhead/jumpedToEnd" })}
          disabled={!hasTrace}
          title="Last event (End)"
          aria-label="Jump to end"
        >
          <Icon name="end" />
        </button>
        <select
          value={ui.speed}
          onChange={(e) => dispatch({ type: "playback/speedChanged", eventsPerSecond: Number(e.target.value) })}
          aria-label="Playback speed"
          title="Events per second while playing"
        >
          {PLAYBACK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} ev/s
            </option>
          ))}
        </select>
        {endKind !== undefined && (
          <button
            type="button"
            className={`end-jump end-${endKind}`}
            onClick={() => dispatch({ type: "playhead/jumpedToEndState" })}
            title="Jump to the end state (E)"
            data-testid="jump-end-state"
          >
            <Icon name="flag" size={12} /> {END_STATE_LABEL[endKind]}
          </button>
        )}
      </div>
      <TimeReadout model={model} playhead={ui.playhead} live={live} follow={ui.viewport.followLive} dispatch={dispatch} />
    </header>
  );
}

/** The x-axis switch and the panel toggles, shown above the timeline. */
export function ViewControls({
  ui,
  model,
  dispatch,
}: {
  readonly ui: UiState;
  readonly model: TraceModel | undefined;
  readonly dispatch: Dispatch<UiAction>;
}) {
  return (
    <div className="view-controls">
      <div className="segmented" role="radiogroup" aria-label="x axis">
        <button
          type="button"
          role="radio"
          aria-checked={ui.viewport.axis === "sequence"}
          className={ui.viewport.axis === "sequence" ? "on" : undefined}
          onClick={() => dispatch({ type: "viewport/axisChanged", axis: "sequence" })}
          title="x = event number: every event gets room"
        >
          by event
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={ui.viewport.axis === "time"}
          className={ui.viewport.axis === "time" ? "on" : undefined}
          onClick={() => dispatch({ type: "viewport/axisChanged", axis: "time" })}
          title={timeAxisTitle(model)}
        >
          by time
        </button>
      </div>
      <PanelToggle label="Events" on={ui.panels.events} onClick={() => dispatch({ type: "panel/toggled", panel: "events" })} />
      <PanelToggle label="Source" on={ui.panels.source} onClick={() => dispatch({ type: "panel/toggled", panel: "source" })} />
      <PanelToggle label="Graph" on={ui.panels.graph} onClick={() => dispatch({ type: "panel/toggled", panel: "graph" })} />
      <PanelToggle label="Inspector" on={ui.panels.inspector} onClick={() => dispatch({ type: "panel/toggled", panel: "inspector" })} />
      <button
        type="button"
        className="ghost tb-help"
        onClick={() => dispatch({ type: "overlay/shown", overlay: "shortcuts" })}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
    </div>
  );
}

function PanelToggle({ label, on, onClick }: { readonly label: string; readonly on: boolean; readonly onClick: () => void }) {
  return (
    <button type="button" className={on ? "toggle on" : "toggle"} aria-pressed={on} onClick={onClick}>
      {label}
    </button>
  );
}

function TimeReadout(p: {
  readonly model: TraceModel | undefined;
  readonly playhead: EventIndex;
  readonly live: boolean;
  readonly follow: boolean;
  readonly dispatch: Dispatch<UiAction>;
}) {
  if (p.model === undefined) return <div className="readout muted">no trace</div>;
  const n = p.model.length;
  const t = p.playhead >= 0 && p.playhead < n ? formatTime(p.model.time(p.playhead)) : "0ns";
  return (
    <div className="readout" data-testid="readout" data-playhead={p.playhead} data-events={n}>
      <span className="readout-time" title="virtual time at the playhead">
        t = {t}
      </span>
      <span className="readout-event" data-testid="readout-event">
        {playheadReadout(p.playhead, n)}
      </span>
      {p.live &&
        (p.follow ? (
          <span className="live-tag" title="The run is going; the view follows its end">
            ● live
          </span>
        ) : (
          <button type="button" className="live-tag small" onClick={() => p.dispatch({ type: "viewport/followLiveChanged", follow: true })}>
            ● follow
          </button>
        ))}
    </div>
  );
}

function SampleMenu({ samples, onOpen }: { readonly samples: readonly SampleSummary[]; readonly onOpen: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent): void => {
      if (root.current !== null && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent): void => {
      if (e.key === "Escape") setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", escape);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", escape);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="sample-menu-button">
        Open sample ▾
      </button>
      {open && (
        <ul className="menu-list" role="menu">
          {samples.map((s) => (
            <li key={s.id} role="none">
              <button
                type="button"
                role="menuitem"
                data-sample={s.id}
                onClick={() => {
                  setOpen(false);
                  onOpen(s.id);
                }}
              >
                <span className="menu-title">{s.title}</span>
                {s.ending !== "ok" && <span className={`ending-tag ending-${s.ending}`}>{ENDING_TAGS[s.ending]}</span>}
                <span className="menu-sub">{s.pattern}</span>
              </button>
            </li>
          ))}
          {samples.length === 0 && <li className="muted menu-empty">No samples from the host.</li>}
        </ul>
      )}
    </div>
  );
}
