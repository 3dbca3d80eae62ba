// The empty state: what chanscope is for, the samples to start from (what each
// shows and what to look for; each runs as TypeScript, or as its Go original),
// and opening a trace or a program.

import type { SampleSummary } from "../../main/contract/hostApi";
import type { AppCommands } from "../state/commands";
import { ENDING_TAGS } from "../../traces/vocabulary/index";

export function WelcomeView(p: { readonly samples: readonly SampleSummary[]; readonly commands: AppCommands; readonly starting: boolean }) {
  const { samples, commands } = p;
  return (
    <div className="welcome" data-testid="welcome">
      {p.starting && (
        <p className="welcome-starting" role="status">
          Starting the program…
        </p>
      )}
      <div className="welcome-intro">
        <h2>See who waits for whom.</h2>
        <p>
          Run a Go program, or a Go-style one in TypeScript, on chanscope&apos;s runtime and watch its goroutines, the values in its
          channels&apos; buffers and every block and wake-up — then step, event by event, up to a deadlock and see why nothing can move.
        </p>
        <div className="welcome-actions">
          <button type="button" className="primary" onClick={commands.openTrace}>
            Open a trace file…
          </button>
          <button type="button" onClick={commands.openProgram}>
            Run a program file…
          </button>
          <span className="muted">or drop a .trace.jsonl file, or a .go or .ts program, anywhere in the window</span>
        </div>
      </div>
      <h3 className="welcome-samples-title">Samples</h3>
      <p className="welcome-samples-note muted">
        A sample runs as its TypeScript version when you click it; &ldquo;Run the Go original&rdquo; runs the Go program it was written
        from. The source panel shows both.
      </p>
      <ul className="sample-grid">
        {samples.map((s) => (
          <li key={s.id} className={`sample-card ending-${s.ending}`} data-sample={s.id}>
            <button type="button" className="sample-open" onClick={() => commands.openSample(s.id, { seed: 1, strategy: "fifo" })}>
              <span className="sample-title">
                {s.title}
                {s.ending !== "ok" && <span className={`ending-tag ending-${s.ending}`}>{ENDING_TAGS[s.ending]}</span>}
              </span>
              <span className="sample-pattern">{s.pattern}</span>
              <span className="sample-look">{s.lookFor}</span>
            </button>
            <div className="sample-actions">
              {s.go !== undefined && (
                <button
                  type="button"
                  className="small sample-go"
                  onClick={() => commands.openSample(s.id, { seed: 1, strategy: "fifo" }, "go")}
                  title={`${s.go.file}: the program as Go tutorials write it, compiled onto the same runtime`}
                >
                  Run the Go original
                </button>
              )}
              {s.deadlockSeed !== undefined && (
                <button
                  type="button"
                  className="small sample-seed"
                  onClick={() => commands.openSample(s.id, { seed: s.deadlockSeed as number, strategy: "random" })}
                  title="A random schedule that interleaves the goroutines badly"
                >
                  Run with the deadlocking schedule (random, seed {s.deadlockSeed})
                </button>
              )}
            </div>
          </li>
        ))}
        {samples.length === 0 && <li className="muted">Loading samples…</li>}
      </ul>
    </div>
  );
}
