// The toolbar: files and runs on the left, playback in the middle, the time
// readout on the right; one row at 1280 px and wider (the seed and schedule
// sit behind one compact button, the readout gives way before anything else).

import { useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import type { SampleSummary } from "../../main/contract/hostApi";
import type { EventIndex, Strategy } from "../../traces/events";
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
        <RunOptions
          seedText={seedText}
          seedProblem={seedProblem}
          strategy={ui.settings.strategy}
          onSeedText={(text) => {
            setSeedText(text);
            const parsed = seedOfText(text);
            if ("seed" in parsed) dispatch({ type: "settings/seedChanged", seed: parsed.seed });
          }}
          onStrategy={(strategy) => dispatch({ type: "settings/strategyChanged", strategy })}
          onRun={canRunAgain && !running && seedProblem === undefined ? commands.runAgain : undefined}
        />
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
  const event = playheadReadout(p.playhead, n);
  return (
    <div className="readout" data-testid="readout" data-playhead={p.playhead} data-events={n} title={`t = ${t}, ${event}`}>
      <span className="readout-time" title="virtual time at the playhead">
        t = {t}
      </span>
      <span className="readout-event" data-testid="readout-event">
        {event}
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

/** A popup that closes on a click outside `root` or on Escape. */
function usePopup(root: RefObject<HTMLElement | null>): readonly [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
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
  }, [open, root]);
  return [open, setOpen] as const;
}

/**
 * The next run's seed and schedule behind one compact button that says them
 * ("seed 1 · fifo"): the toolbar stays one row. The field keeps what the user
 * typed and says why it refuses a seed; Enter in it runs again.
 */
function RunOptions(p: {
  readonly seedText: string;
  readonly seedProblem: string | undefined;
  readonly strategy: Strategy;
  readonly onSeedText: (text: string) => void;
  readonly onStrategy: (strategy: Strategy) => void;
  readonly onRun: (() => void) | undefined;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = usePopup(root);
  const invalid = p.seedProblem !== undefined;
  const summary = `seed ${invalid ? "?" : p.seedText.trim()} · ${p.strategy}`;
  return (
    <div className="menu run-options" ref={root}>
      <button
        type="button"
        className={invalid ? "run-options-button invalid" : "run-options-button"}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title={invalid ? p.seedProblem : `The next run's seed and schedule: ${summary}`}
        data-testid="run-options"
      >
        {summary} ▾
      </button>
      {open && (
        <div className="run-options-popup" role="dialog" aria-label="Run options">
          <label className="tb-field" title={p.seedProblem ?? "The seed of the run's scheduler and select choices"}>
            seed
            <input
              type="text"
              inputMode="numeric"
              value={p.seedText}
              autoFocus
              onChange={(e) => p.onSeedText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && p.onRun !== undefined) {
                  setOpen(false);
                  p.onRun();
                }
              }}
              aria-label="Seed"
              aria-invalid={invalid}
              aria-describedby={invalid ? "seed-problem" : undefined}
            />
          </label>
          {invalid && (
            <span id="seed-problem" className="tb-problem" role="alert">
              {p.seedProblem}
            </span>
          )}
          <label className="tb-field" title="fifo: run goroutines in order; random: a seeded random schedule">
            schedule
            <select
              value={p.strategy}
              onChange={(e) => p.onStrategy(e.target.value === "random" ? "random" : "fifo")}
              aria-label="Strategy"
            >
              <option value="fifo">fifo</option>
              <option value="random">random</option>
            </select>
          </label>
          <p className="muted run-options-note">
            fifo runs goroutines in order; random picks a seeded random schedule. Run again uses both.
          </p>
        </div>
      )}
    </div>
  );
}

function SampleMenu({ samples, onOpen }: { readonly samples: readonly SampleSummary[]; readonly onOpen: (id: string) => void }) {
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = usePopup(root);
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
