import { describe, expect, it } from "vitest";
import type { GoCompilerProvider, GoLoadOptions } from "./runProgram";
import { WAITING_GO, WAITING_GO_CODE, compilerGiving } from "./testing/goPrograms";
import { workerRunHandler } from "./workerRun";
import type { FromWorker } from "./workerProtocol";

function worker(goCompiler?: GoCompilerProvider, go?: GoLoadOptions) {
  const posted: FromWorker[] = [];
  const handle = workerRunHandler((m) => posted.push(m), goCompiler, go);
  const until = async (type: FromWorker["type"]): Promise<void> => {
    while (!posted.some((m) => m.type === type || m.type === "failed" || m.type === "ended")) await new Promise((r) => setTimeout(r, 5));
  };
  return { posted, handle, until };
}

const program = (source: string) => ({ name: "p", id: "p", file: "p.ts", source });

describe("the worker's side of a run", () => {
  it("reports running, then the events in batches, then how the run ended", async () => {
    const { posted, handle, until } = worker();
    handle({
      type: "start",
      program: program(
        `import { chan } from "chanscope";\nexport default async function main() {\n  const c = chan(0, "c");\n  await c.send(1);\n}\n`,
      ),
      settings: { seed: 1, strategy: "fifo" },
    });
    await until("ended");
    expect(posted[0]).toEqual({ type: "running" });
    const events = posted.flatMap((m) => (m.type === "batch" ? m.events : []));
    const ended = posted.at(-1);
    expect(ended).toMatchObject({ type: "ended", status: "deadlock", eventCount: events.length });
    expect(events.some((e) => e.kind === "block" && e.loc === "p.ts:4")).toBe(true);
  });

  it("a stop ends the run at its next runtime call, with the end event", async () => {
    const { posted, handle, until } = worker();
    handle({
      type: "start",
      program: program(`import { sleep } from "chanscope";\nexport default async function main() {\n  for (;;) await sleep(1);\n}\n`),
      settings: { seed: 1, strategy: "fifo", realTime: true },
    });
    await new Promise((r) => setTimeout(r, 30));
    handle({ type: "stop" });
    await until("ended");
    expect(posted.at(-1)).toMatchObject({ type: "ended", status: "timeout", limit: "stopped" });
    const events = posted.flatMap((m) => (m.type === "batch" ? m.events : []));
    expect(events.at(-1)?.kind).toBe("end");
  });

  it("a program that does not load is reported with its file, line and column", async () => {
    const { posted, handle, until } = worker();
    handle({
      type: "start",
      program: program(`import { readFileSync } from "node:fs";\nexport default function main() {\n  readFileSync("/etc/passwd");\n}\n`),
      settings: { seed: 1, strategy: "fifo" },
    });
    await until("failed");
    expect(posted).toEqual([
      {
        type: "failed",
        message: expect.stringMatching(/cannot import 'node:fs'/) as string,
        problem: expect.objectContaining({ file: "p.ts" }) as unknown,
      },
    ]);
  });

  it("gives the same events for the same seed when the program draws Math.random and reads Date.now", async () => {
    const source = `import { chan } from "chanscope";
export default async function main() {
  const c = chan(1, "c");
  await c.send(Math.random() + Date.now());
}
`;
    const eventsOfRun = async (): Promise<string> => {
      const { posted, handle, until } = worker();
      handle({ type: "start", program: program(source), settings: { seed: 9, strategy: "fifo" } });
      await until("ended");
      return JSON.stringify(posted.flatMap((m) => (m.type === "batch" ? m.events : [])));
    };
    expect(await eventsOfRun()).toBe(await eventsOfRun());
  });

  it("runs a .go program with the host's compiler: Go lines on every event, stdout to the host exactly, before it ends", async () => {
    let stdout = "";
    const { posted, handle, until } = worker(compilerGiving(WAITING_GO_CODE), { stdout: (b) => (stdout += b) });
    handle({
      type: "start",
      program: { name: "prog", id: "prog.go", file: "prog.go", source: WAITING_GO },
      settings: { seed: 1, strategy: "fifo" },
    });
    await until("ended");
    expect(posted.at(-1)).toMatchObject({ type: "ended", status: "deadlock" });
    expect(stdout).toBe("waiting\nno newline");
    const located = posted.flatMap((m) => (m.type === "batch" ? m.events : [])).filter((e) => e.loc !== undefined);
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((e) => /^prog\.go:\d+$/.test(e.loc!))).toBe(true);
  });

  it("without a Go compiler, refuses a .go program with the reason", async () => {
    const { posted, handle, until } = worker();
    handle({
      type: "start",
      program: { name: "prog", id: "prog.go", file: "prog.go", source: WAITING_GO },
      settings: { seed: 1, strategy: "fifo" },
    });
    await until("failed");
    expect(posted.at(-1)).toMatchObject({
      type: "failed",
      problem: { file: "prog.go", message: "Go programs need the Go compiler, which this host did not load" },
    });
  });
});
