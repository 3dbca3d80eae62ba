import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenProgress, ProgramProblem, ProgramRef, RunBatch, RunEnded, SampleSummary } from "../../contract/hostApi";
import type { ProgramSource } from "../../core/traceHeader";
import { programTypeCheck } from "../check/typeCheck";
import type { IpcEventName, IpcEvents } from "../../contract/ipcChannels";
import { parseTrace, serializeTrace } from "../../../traces/format";
import { sampleTrace } from "../../../traces/testing/fixtureTraces";
import { GO_1_19_TRACE } from "../../../traces/testing/foreignFiles";
import { syntheticTrace } from "../../../traces/testing/syntheticTrace";
import { readTraceFile } from "../files/traceFile";
import { RecentFiles } from "../recent/recentFiles";
import { RUNAWAY_PROGRAM } from "../../testing/programs";
import { typeScriptRunWorkers } from "../../testing/testWorkers";
import { SessionStore } from "../session/sessionStore";
import { DesktopHost, type DesktopDialogs } from "./desktopHost";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-desktop-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hello: SampleSummary = {
  id: "hello",
  title: "Hello",
  pattern: "p",
  lookFor: "l",
  ending: "ok",
  file: "samples/hello.ts",
  source: `import { chan, go } from "chanscope";
export default async function main() {
  const c = chan<string>(0, "c");
  go(async () => { await c.send("hi"); }, "greeter");
  await c.recv();
}
`,
};

/** A desktop host with scripted dialogs, recording what it sends to the window (and handing each event to `onEmit`). */
function desktop(
  dialogs: Partial<DesktopDialogs> = {},
  options: {
    traceChunkBytes?: number;
    onEmit?: (name: IpcEventName, payload: unknown) => void;
    typeCheck?: (program: ProgramSource) => readonly ProgramProblem[];
  } = {},
) {
  const sent: { name: IpcEventName; payload: unknown }[] = [];
  const session = new SessionStore(dir);
  const recent = new RecentFiles(join(dir, "userData"));
  const host = new DesktopHost({
    samples: [hello],
    createWorker: typeScriptRunWorkers(),
    session,
    recent,
    dialogs: {
      chooseTraceToOpen: () => Promise.resolve(undefined),
      chooseProgram: () => Promise.resolve(undefined),
      chooseSaveTarget: () => Promise.resolve(undefined),
      ...dialogs,
    },
    emit: <K extends IpcEventName>(name: K, payload: IpcEvents[K]) => {
      sent.push({ name, payload });
      options.onEmit?.(name, payload);
    },
    runOptions: { stopGraceMs: 200 },
    ...(options.traceChunkBytes !== undefined ? { traceChunkBytes: options.traceChunkBytes } : {}),
    ...(options.typeCheck !== undefined ? { typeCheck: options.typeCheck } : {}),
  });
  const of = <K extends IpcEventName>(name: K): IpcEvents[K][] => sent.filter((s) => s.name === name).map((s) => s.payload as IpcEvents[K]);
  const ended = async (runId: number): Promise<RunEnded> => {
    for (;;) {
      const e = of("runEnded").find((x) => x.runId === runId);
      if (e !== undefined) return e;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { host, session, recent, of, ended };
}

describe("the desktop host (Electron main's logic, without Electron)", () => {
  it("runs a sample in a worker thread and forwards its batches and its end to the window", async () => {
    const { host, of, ended } = desktop();
    const { runId, header } = await host.startRun({ kind: "sample", id: "hello" }, { seed: 1, strategy: "fifo" });
    expect(header.program).toMatchObject({ id: "hello", source: hello.source });
    const end = await ended(runId);
    const events = of("runBatch").flatMap((b: RunBatch) => b.events);
    expect(end).toMatchObject({ outcome: "ok", cutOff: false, eventCount: events.length });
    expect(events.at(-1)?.kind).toBe("end");
    await host.dispose();
  });

  it("a run that is stopped mid-way keeps its events, for the window and for Save", async () => {
    const target = join(dir, "spin.trace.jsonl");
    const spin = join(dir, "spin.ts");
    await writeFile(spin, RUNAWAY_PROGRAM);
    const { host, of, ended } = desktop({ chooseSaveTarget: () => Promise.resolve(target), chooseProgram: () => Promise.resolve(spin) });
    const { runId } = await host.startRun((await host.pickProgram())!, { seed: 1, strategy: "fifo", realTime: true });
    while (of("runBatch").length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300)); // by now it spins
    await host.stopRun(runId);
    const end = await ended(runId);
    expect(end).toMatchObject({ outcome: "stopped", cutOff: true });
    const received = of("runBatch").flatMap((b) => b.events);
    expect(received.length).toBe(end.eventCount);

    const session = await host.currentSession();
    expect(session).toMatchObject({ kind: "run", runId, ended: { outcome: "stopped" } });
    expect(session?.kind === "run" && session.events).toEqual(received);

    expect(await host.saveTrace()).toMatchObject({ kind: "saved", name: "spin.trace.jsonl" });
    const saved = await readTraceFile(target);
    expect(saved.events).toEqual(received);
    expect(saved.ended).toBe(false);
    expect((await host.recentFiles())[0]).toEqual({ path: target, name: "spin.trace.jsonl", kind: "trace" });
    await host.dispose();
  });

  it("opening a malformed file yields the reader's error with the file, line and message, and keeps the session", async () => {
    const bad = join(dir, "bad.trace.jsonl");
    const { header, events } = sampleTrace();
    const lines = serializeTrace(header, events).split("\n");
    lines[2] = "{ not json";
    await writeFile(bad, lines.join("\n"));
    const good = join(dir, "good.trace.jsonl");
    await writeFile(good, serializeTrace(header, events));
    const picks = [good, bad];
    const { host } = desktop({ chooseTraceToOpen: () => Promise.resolve(picks.shift()) });
    expect((await host.openTrace()).kind).toBe("opened");
    const result = await host.openTrace();
    expect(result).toEqual({ kind: "failed", problem: { file: bad, line: 3, message: expect.stringMatching(/not valid JSON/) as string } });
    expect(await host.currentSession()).toMatchObject({ kind: "trace", trace: { name: "good.trace.jsonl" } });
    await host.dispose();
  });

  it("opening a Go execution trace says it is one and what chanscope reads, naming the file and line 1", async () => {
    const goTrace = join(dir, "trace.out");
    await writeFile(goTrace, GO_1_19_TRACE);
    const { host } = desktop({ chooseTraceToOpen: () => Promise.resolve(goTrace) });
    expect(await host.openTrace()).toEqual({
      kind: "failed",
      problem: {
        file: goTrace,
        line: 1,
        message:
          "this looks like a Go execution trace (Go 1.19 format, written by runtime/trace and read by `go tool trace`), " +
          "not a chanscope trace: chanscope reads its own trace files (.jsonl, one JSON event per line, saved by chanscope or " +
          "`chanscope run --out`) and cannot read Go's binary trace format",
      },
    });
    await host.dispose();
  });

  it("a missing file is a problem with the file named, not a crash", async () => {
    const missing = join(dir, "nope.trace.jsonl");
    const { host } = desktop({ chooseTraceToOpen: () => Promise.resolve(missing) });
    expect(await host.openTrace()).toMatchObject({
      kind: "failed",
      problem: { file: missing, message: expect.stringMatching(/no such file/) as string },
    });
  });

  it("opening a huge file reports progress up to its size", async () => {
    const big = join(dir, "big.trace.jsonl");
    const { header, events } = syntheticTrace(40_000);
    const text = serializeTrace(header, events);
    await writeFile(big, text);
    const { host, of } = desktop({ chooseTraceToOpen: () => Promise.resolve(big) });
    const result = await host.openTrace();
    if (result.kind !== "opened") throw new Error(`not opened: ${JSON.stringify(result)}`);
    const { content } = result.trace;
    // The window gets the file's bytes in chunks to fetch, not a million objects to clone.
    expect(content).toMatchObject({ kind: "chunks", eventCount: events.length, byteLength: Buffer.byteLength(text) });
    if (content.kind !== "chunks") throw new Error("expected chunks");
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < content.chunkCount; i++) chunks.push(await host.traceChunk(content.id, i));
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
    expect(parseTrace(Buffer.concat(chunks)).events).toEqual(events);
    const progress: OpenProgress[] = of("openProgress");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({
      name: "big.trace.jsonl",
      bytesRead: Buffer.byteLength(text),
      totalBytes: Buffer.byteLength(text),
    });
    expect(progress.every((p) => p.contentId === content.id)).toBe(true);
  });

  it("announces each chunk as it is filled, and serves it before the open's reply", async () => {
    const big = join(dir, "big.trace.jsonl");
    const { header, events } = syntheticTrace(20_000);
    const text = serializeTrace(header, events);
    await writeFile(big, text);
    const early = new Map<number, Promise<Uint8Array>>();
    let replied = false;
    let fetchedBeforeReply = 0;
    const { host } = desktop(
      { chooseTraceToOpen: () => Promise.resolve(big) },
      {
        traceChunkBytes: 64 * 1024,
        // What the window does: fetch every chunk announced ready while the host still reads.
        onEmit: (name, payload) => {
          if (name !== "openProgress") return;
          const p = payload as OpenProgress;
          for (let i = 0; i < (p.chunksReady ?? 0); i++) {
            if (early.has(i)) continue;
            early.set(i, host.traceChunk(p.contentId!, i));
            if (!replied) fetchedBeforeReply++;
          }
        },
      },
    );
    const result = await host.openTrace();
    replied = true;
    if (result.kind !== "opened" || result.trace.content.kind !== "chunks")
      throw new Error(`not opened as chunks: ${JSON.stringify(result)}`);
    const { id, chunkCount } = result.trace.content;
    expect(chunkCount).toBe(Math.ceil(Buffer.byteLength(text) / (64 * 1024)));
    // Every chunk but the last (cut to size at the end) was announced during the read.
    expect(fetchedBeforeReply).toBe(chunkCount - 1);
    const chunks = await Promise.all([...Array(chunkCount).keys()].map((i) => early.get(i) ?? host.traceChunk(id, i)));
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
  });

  it("an open that fails withdraws the chunks it announced, and leaves what was open alone", async () => {
    const good = join(dir, "good.trace.jsonl");
    const bad = join(dir, "bad.trace.jsonl");
    const { header, events } = syntheticTrace(20_000);
    await writeFile(good, serializeTrace(header, events.slice(0, 100)));
    await writeFile(bad, `${serializeTrace(header, events)}{"seq": "not a number"}\n`);
    const picks = [good, bad];
    let announced: OpenProgress | undefined;
    const { host } = desktop(
      { chooseTraceToOpen: () => Promise.resolve(picks.shift()) },
      {
        traceChunkBytes: 64 * 1024,
        onEmit: (name, payload) => {
          const p = payload as OpenProgress;
          if (name === "openProgress" && p.name === "bad.trace.jsonl" && (p.chunksReady ?? 0) > 0) announced ??= p;
        },
      },
    );
    const first = await host.openTrace();
    const second = await host.openTrace();
    expect(second).toMatchObject({ kind: "failed", problem: { file: bad } });
    expect(announced?.contentId).toBeDefined();
    await expect(host.traceChunk(announced!.contentId!, 0)).rejects.toThrow(/no longer open/);
    // The good trace is still the session, its chunks still served.
    const session = await host.currentSession();
    expect(session?.kind === "trace" && session.trace).toEqual(first.kind === "opened" && first.trace);
    const firstId = first.kind === "opened" && first.trace.content.kind === "chunks" ? first.trace.content.id : -1;
    expect(parseTrace(await host.traceChunk(firstId, 0)).events).toEqual(events.slice(0, 100));
  });

  it("an open cancelled while it reads answers cancelled, and leaves what was open alone", async () => {
    const small = join(dir, "small.trace.jsonl");
    const big = join(dir, "big.trace.jsonl");
    const { header, events } = syntheticTrace(20_000);
    await writeFile(small, serializeTrace(header, events.slice(0, 100)));
    await writeFile(big, serializeTrace(header, events));
    const picks = [small, big];
    let announced: OpenProgress | undefined;
    const { host } = desktop(
      { chooseTraceToOpen: () => Promise.resolve(picks.shift()) },
      {
        traceChunkBytes: 64 * 1024,
        onEmit: (name, payload) => {
          const p = payload as OpenProgress;
          if (name !== "openProgress" || p.name !== "big.trace.jsonl" || announced !== undefined) return;
          announced = p;
          void host.cancelOpen();
        },
      },
    );
    const first = await host.openTrace();
    expect(await host.openTrace()).toEqual({ kind: "cancelled" });
    expect(announced!.bytesRead).toBeLessThan(announced!.totalBytes!);
    await expect(host.traceChunk(announced!.contentId!, 0)).rejects.toThrow(/no longer open/);
    const session = await host.currentSession();
    expect(session?.kind === "trace" && session.trace).toEqual(first.kind === "opened" && first.trace);
    // A cancel with nothing being opened is a no-op; the next open goes through.
    await host.cancelOpen();
    picks.push(big);
    expect((await host.openTrace()).kind).toBe("opened");
  });

  it("serves an opened trace's chunks until something else is opened, also to a window that reloaded", async () => {
    const a = join(dir, "a.trace.jsonl");
    const b = join(dir, "b.trace.jsonl");
    const { header, events } = sampleTrace();
    await writeFile(a, serializeTrace(header, events));
    await writeFile(b, serializeTrace(header, events.slice(0, -1)));
    const picks = [a, b];
    const { host } = desktop({ chooseTraceToOpen: () => Promise.resolve(picks.shift()) });
    const first = await host.openTrace();
    const session = await host.currentSession();
    expect(session?.kind === "trace" && session.trace).toEqual(first.kind === "opened" && first.trace);
    const id = first.kind === "opened" && first.trace.content.kind === "chunks" ? first.trace.content.id : -1;
    expect(parseTrace(await host.traceChunk(id, 0)).events).toEqual(events);
    await expect(host.traceChunk(id, 1)).rejects.toThrow(/not a chunk 1/);
    const second = await host.openTrace();
    expect(second.kind === "opened" && second.trace.content.kind === "chunks" && second.trace.content.id).not.toBe(id);
    await expect(host.traceChunk(id, 0)).rejects.toThrow(/no longer open/);
    await host.dispose();
  });

  it("cancelled dialogs open, pick and save nothing", async () => {
    const { host } = desktop();
    expect(await host.openTrace()).toEqual({ kind: "cancelled" });
    expect(await host.pickProgram()).toBeUndefined();
    expect(await host.saveTrace()).toMatchObject({ kind: "failed", message: expect.stringMatching(/nothing to save/) as string });
  });

  it("type-checks a chosen program before it runs: errors end the run as failed with every error, and no worker starts", async () => {
    const prog = join(dir, "typed.ts");
    await writeFile(
      prog,
      'import { chan, type RecvChan } from "chanscope";\nexport default async function main() {\n  const r: RecvChan<number> = chan<number>(1);\n  r.close();\n}\n',
    );
    const checked: string[] = [];
    const { host, of, ended } = desktop(
      { chooseProgram: () => Promise.resolve(prog) },
      {
        typeCheck: (p) => {
          checked.push(p.file);
          return programTypeCheck()!(p);
        },
      },
    );
    expect(await host.pickProgram()).toEqual({ kind: "file", path: prog });
    const { runId } = await host.startRun({ kind: "file", path: prog }, { seed: 1, strategy: "fifo" });
    const end = await ended(runId);
    expect(end).toMatchObject({ outcome: "failed", eventCount: 0, problem: { file: prog, line: 4, column: 5 } });
    expect(end.typeErrors).toEqual([
      { file: prog, line: 4, column: 5, message: "Property 'close' does not exist on type 'RecvChan<number>'." },
    ]);
    expect(of("runBatch")).toEqual([]);
    // A bundled sample is not checked again.
    const sample = await host.startRun({ kind: "sample", id: hello.id }, { seed: 1, strategy: "fifo" });
    expect((await ended(sample.runId)).outcome).toBe("ok");
    expect(checked).toEqual([prog]);
  });

  it("the renderer cannot make main read or run a file the user never chose", async () => {
    const secret = join(dir, "secret.trace.jsonl");
    await writeFile(secret, serializeTrace(sampleTrace().header, sampleTrace().events));
    const { host } = desktop();
    expect(await host.openRecent(secret)).toMatchObject({
      kind: "failed",
      problem: { message: expect.stringMatching(/not a recent file/) as string },
    });
    await expect(host.startRun({ kind: "file", path: join(dir, "prog.ts") }, { seed: 1, strategy: "fifo" })).rejects.toThrow(
      /not a program you opened/,
    );
  });

  it("a trace's embedded program runs only as the session's own, never as text from the window", async () => {
    const evil = join(dir, "evil.trace.jsonl");
    const marker = join(dir, "ran.txt");
    const source = `import { go } from "chanscope";
export default async function main() {
  (globalThis as any).process?.getBuiltinModule?.("node:fs")?.writeFileSync(${JSON.stringify(marker)}, "ran");
  go(async () => {});
}
`;
    const { header, events } = sampleTrace();
    await writeFile(evil, serializeTrace({ ...header, program: { name: "evil", id: "/tmp/evil.ts", source } }, events));
    const { host, ended } = desktop({ chooseTraceToOpen: () => Promise.resolve(evil) });
    // A window cannot hand main a program's text at all.
    await expect(
      host.startRun({ kind: "source", name: "x.ts", source } as unknown as ProgramRef, { seed: 1, strategy: "fifo" }),
    ).rejects.toThrow();
    // With no trace open there is nothing embedded to run.
    await expect(host.startRun({ kind: "trace", name: "evil" }, { seed: 1, strategy: "fifo" })).rejects.toThrow(/carries no program/);
    await host.openTrace();
    // Once the user chose to run it (the window asked them), main takes the source from the trace it holds.
    const { runId, header: runHeader } = await host.startRun({ kind: "trace", name: "evil" }, { seed: 1, strategy: "fifo" });
    expect(runHeader.program).toMatchObject({ name: "evil", id: "/tmp/evil.ts", source });
    await ended(runId);
    await host.dispose();
  });

  it("a dropped or recent program file is shown, not run, and only a path the drop granted opens", async () => {
    const prog = join(dir, "dropped.ts");
    await writeFile(prog, hello.source);
    const { host, of } = desktop();
    expect(await host.openDroppedPath(prog)).toEqual({
      kind: "failed",
      problem: { file: prog, message: "not a file dropped on this window" },
    });
    await host.grantDroppedPaths([prog]);
    expect(await host.openDroppedPath(prog)).toEqual({
      kind: "program",
      program: { name: "dropped.ts", source: hello.source, program: { kind: "file", path: prog } },
    });
    expect(of("runBatch")).toEqual([]);
    // Now a recent program: it opens the same way, still without running.
    expect((await host.openRecent(prog)).kind).toBe("program");
    expect(of("runBatch")).toEqual([]);
    await host.dispose();
  });

  it("a program picked in the dialog runs, and becomes a recent file", async () => {
    const prog = join(dir, "prog.ts");
    await writeFile(prog, hello.source);
    const { host, ended } = desktop({ chooseProgram: () => Promise.resolve(prog) });
    const ref = await host.pickProgram();
    expect(ref).toEqual({ kind: "file", path: prog });
    const { runId, header } = await host.startRun(ref!, { seed: 1, strategy: "fifo" });
    expect(header.program).toMatchObject({ name: "prog", id: prog });
    expect((await ended(runId)).outcome).toBe("ok");
    expect(await host.recentFiles()).toEqual([{ path: prog, name: "prog.ts", kind: "program" }]);
    await host.dispose();
  });

  it("a recent trace reopens, even after a restart", async () => {
    const file = join(dir, "t.trace.jsonl");
    await writeFile(file, serializeTrace(sampleTrace().header, sampleTrace().events));
    const first = desktop({ chooseTraceToOpen: () => Promise.resolve(file) });
    await first.host.openTrace();
    const second = desktop();
    expect((await second.host.openRecent(file)).kind).toBe("opened");
  });

  it("exports the session for Perfetto as Chrome Trace Event JSON", async () => {
    const file = join(dir, "t.trace.jsonl");
    await writeFile(file, serializeTrace(sampleTrace().header, sampleTrace().events));
    const out = join(dir, "t.json");
    const { host } = desktop({
      chooseTraceToOpen: () => Promise.resolve(file),
      chooseSaveTarget: (name) => Promise.resolve(join(dir, name)),
    });
    await host.openTrace();
    expect(await host.exportPerfetto()).toMatchObject({ kind: "saved", name: "t.json" });
    expect((JSON.parse(await readFile(out, "utf8")) as { traceEvents: unknown[] }).traceEvents.length).toBeGreaterThan(0);
  });

  it("saving over an existing trace replaces it only when the new one is complete", async () => {
    const file = join(dir, "t.trace.jsonl");
    const { header, events } = sampleTrace();
    await writeFile(file, serializeTrace(header, events));
    const target = join(dir, "existing.trace.jsonl");
    await writeFile(target, "old contents\n");
    const { host } = desktop({ chooseTraceToOpen: () => Promise.resolve(file), chooseSaveTarget: () => Promise.resolve(target) });
    await host.openTrace();
    expect(await host.saveTrace()).toMatchObject({ kind: "saved", name: "existing.trace.jsonl" });
    expect(parseTrace(await readFile(target)).events).toEqual(events);
  });
});
