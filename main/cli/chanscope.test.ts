import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serializeTrace } from "../../traces/format";
import { crowdedDeadlockTrace, sampleTrace } from "../../traces/testing/fixtureTraces";
import { GO_1_19_TRACE, prettyPrintedTrace } from "../../traces/testing/foreignFiles";
import { EXIT, cli } from "./chanscope";

let dir = "";
let out = "";
let err = "";
const io = () => ({ out: (t: string) => void (out += t), err: (t: string) => void (err += t), cwd: dir });
const chanscope = (...argv: string[]) => cli(argv, io());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chanscope-cli-"));
  out = "";
  err = "";
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function program(name: string, body: string): string {
  writeFileSync(join(dir, name), `import { go, chan, sleep, run } from "chanscope";\nvoid run; void sleep; void go;\n${body}`);
  return name;
}

const circular = `export default async function main(): Promise<void> {
  const a = chan<number>(0, "a");
  const b = chan<number>(0, "b");
  go(async () => { await a.send(1); await b.recv(); await b.recv(); }, "alice");
  go(async () => { await a.recv(); await b.send(2); await a.recv(); }, "bob");
  await chan<void>(0, "done").recv();
}
`;

describe("chanscope samples", () => {
  it("lists every sample, id and title, one a line", async () => {
    expect(await chanscope("samples")).toBe(EXIT.ok);
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(24);
    expect(lines[0]).toMatch(/^hello-goroutine\s+Hello, goroutine$/);
  });
});

describe("chanscope run", () => {
  it("runs a user's own program, writes its trace and exits 0 when it ends ok", async () => {
    program("ok.ts", `export default async function main() { const c = chan<number>(1, "c"); await c.send(7); await c.recv(); }\n`);
    expect(await chanscope("run", "ok.ts")).toBe(EXIT.ok);
    expect(out).toMatch(/status\s+ok/);
    const lines = readFileSync(join(dir, "ok.trace.jsonl"), "utf8").trim().split("\n");
    expect((JSON.parse(lines[0]!) as { format: unknown }).format).toBe("chanscope-trace");
    expect((JSON.parse(lines.at(-1)!) as { kind: unknown }).kind).toBe("end");
  });

  it("prints Go's deadlock message with an explanation and exits 2", async () => {
    program("circ.ts", circular);
    expect(await chanscope("run", "circ.ts", "--out", "c.jsonl")).toBe(EXIT.deadlock);
    expect(out).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(out).toContain("alice");
    expect(out).toContain("bob");
    expect(existsSync(join(dir, "c.jsonl"))).toBe(true);
  });

  it("exits 3 when the program panics and names the panic", async () => {
    program("p.ts", `export default async function main() { const c = chan<number>(0, "c"); c.close(); await c.send(1); }\n`);
    expect(await chanscope("run", "p.ts")).toBe(EXIT.panic);
    expect(out).toContain("send on closed channel");
  });

  it("exits with the code the program gave exit (Go's os.Exit)", async () => {
    writeFileSync(
      join(dir, "exit.ts"),
      `import { exit, sleep } from "chanscope";\nexport default async function main() { await sleep(1); exit(7); }\n`,
    );
    expect(await chanscope("run", "exit.ts")).toBe(7);
    expect(out).toMatch(/status\s+ok/);
    const lines = readFileSync(join(dir, "exit.trace.jsonl"), "utf8").trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ kind: "end", status: "ok", exitCode: 7 });
  });

  it("exits 4 when a limit ends the run", async () => {
    program(
      "loop.ts",
      `export default async function main() { const c = chan<number>(1); for (;;) { await c.send(1); await c.recv(); } }\n`,
    );
    expect(await chanscope("run", "loop.ts", "--max-events", "200")).toBe(EXIT.limit);
    expect(out).toMatch(/status\s+timeout/);
  });

  it("runs a bundled sample by id with a seed and strategy", async () => {
    expect(await chanscope("run", "hello-goroutine", "--seed", "3", "--strategy", "random")).toBe(EXIT.ok);
    const header: unknown = JSON.parse(readFileSync(join(dir, "hello-goroutine.trace.jsonl"), "utf8").split("\n")[0]!);
    expect(header).toMatchObject({ seed: 3, strategy: "random", program: { id: "hello-goroutine" } });
  });

  it("says in one line that a program file is missing and exits 1", async () => {
    expect(await chanscope("run", "nowhere.ts")).toBe(EXIT.usage);
    expect(err).toBe("chanscope run: cannot read program nowhere.ts: no such file\n");
  });

  it("reports a program's syntax error with file and line and exits 1", async () => {
    writeFileSync(join(dir, "bad.ts"), "export default async function main() {\n  const x = ;\n}\n");
    expect(await chanscope("run", "bad.ts")).toBe(EXIT.usage);
    expect(err).toMatch(/^bad\.ts:2:13: syntax error: Expression expected\.\nchanscope run: bad\.ts does not type-check \(1 error\)/);
    // Unchecked, the loader says it too.
    err = "";
    expect(await chanscope("run", "bad.ts", "--no-check")).toBe(EXIT.usage);
    expect(err).toMatch(/^chanscope run: bad\.ts:2:\d+: syntax error/);
  });

  it("type-checks a program file first: errors as FILE:LINE:COL, exit 1, nothing run; --no-check runs it", async () => {
    writeFileSync(
      join(dir, "types.ts"),
      [
        'import { chan, type RecvChan } from "chanscope";',
        "export default async function main(): Promise<void> {",
        "  const c = chan<number>(1);",
        "  const r: RecvChan<number> = c;",
        "  await r.send(1);",
        "  r.close();",
        "  const n: string = 5;",
        "  void n;",
        "}",
        "",
      ].join("\n"),
    );
    expect(await chanscope("run", "types.ts")).toBe(EXIT.usage);
    expect(err.trim().split("\n")).toEqual([
      "types.ts:5:11: Property 'send' does not exist on type 'RecvChan<number>'.",
      "types.ts:6:5: Property 'close' does not exist on type 'RecvChan<number>'.",
      "types.ts:7:9: Type 'number' is not assignable to type 'string'.",
      "chanscope run: types.ts does not type-check (3 errors), so it did not run (--no-check runs it unchecked)",
    ]);
    expect(existsSync(join(dir, "types.trace.jsonl"))).toBe(false);
    err = "";
    // Unchecked, it runs: a receive-only view is the same channel underneath.
    expect(await chanscope("run", "types.ts", "--no-check")).toBe(EXIT.ok);
    expect(existsSync(join(dir, "types.trace.jsonl"))).toBe(true);
  });

  it("names an import the runtime does not have, in the program's terms, checked or not", async () => {
    writeFileSync(
      join(dir, "sem.ts"),
      'import { Semaphoore } from "chanscope";\nexport default async function main(): Promise<void> {\n  const s = new Semaphoore(2);\n  void s;\n}\n',
    );
    expect(await chanscope("run", "sem.ts")).toBe(EXIT.usage);
    expect(err.split("\n")[0]).toBe(`sem.ts:1:10: Module '"chanscope"' has no exported member 'Semaphoore'.`);
    err = "";
    expect(await chanscope("run", "sem.ts", "--no-check")).toBe(EXIT.usage);
    expect(err).toBe("chanscope run: sem.ts:3:17: 'chanscope' has no export named 'Semaphoore'\n");
  });

  it("says a program without a main goroutine must export one", async () => {
    writeFileSync(
      join(dir, "nomain.ts"),
      'import { chan } from "chanscope";\nexport async function helper(): Promise<void> {\n  await chan<number>(1).send(1);\n}\n',
    );
    expect(await chanscope("run", "nomain.ts")).toBe(EXIT.usage);
    expect(err.split("\n")[0]).toBe(
      "nomain.ts:1:1: a program must export its main goroutine: `export default async function main() { … }`",
    );
  });

  it("refuses an unknown flag in one clear line", async () => {
    expect(await chanscope("run", "hello-goroutine", "--sede", "1")).toBe(EXIT.usage);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("--sede");
  });

  it("refuses a strategy it does not know", async () => {
    expect(await chanscope("run", "hello-goroutine", "--strategy", "lifo")).toBe(EXIT.usage);
    expect(err).toContain("--strategy expects fifo or random");
  });

  it("prints help for run", async () => {
    expect(await chanscope("run", "--help")).toBe(EXIT.ok);
    expect(out).toContain("--max-events");
  });
});

describe("chanscope validate", () => {
  it("exits 0 for a trace it wrote", async () => {
    program("ok.ts", `export default async function main() { await sleep(1); }\n`);
    await chanscope("run", "ok.ts");
    out = "";
    expect(await chanscope("validate", "ok.trace.jsonl")).toBe(EXIT.ok);
    expect(out).toMatch(/ok\.trace\.jsonl: valid trace of \d+ events/);
  });

  it("exits 1 with FILE:LINE: message for a malformed line", async () => {
    program("ok.ts", `export default async function main() { await sleep(1); }\n`);
    await chanscope("run", "ok.ts");
    const lines = readFileSync(join(dir, "ok.trace.jsonl"), "utf8").split("\n");
    lines[2] = '{"seq":1,"t":0,"g":1,"kind":"teleport"}';
    writeFileSync(join(dir, "bad.jsonl"), lines.join("\n"));
    out = "";
    expect(await chanscope("validate", "bad.jsonl")).toBe(EXIT.usage);
    expect(err).toMatch(/^bad\.jsonl:3: .*teleport/);
    expect(out).toBe("");
  });

  it("prints the verdict on stdout and warnings on stderr", async () => {
    program("ok.ts", `export default async function main() { await sleep(1); }\n`);
    await chanscope("run", "ok.ts");
    const lines = readFileSync(join(dir, "ok.trace.jsonl"), "utf8").trimEnd().split("\n");
    writeFileSync(join(dir, "cut.jsonl"), lines.slice(0, -1).join("\n") + "\n" + lines.at(-1)!.slice(0, 5));
    out = "";
    err = "";
    expect(await chanscope("validate", "cut.jsonl")).toBe(EXIT.ok);
    expect(out).toMatch(/^cut\.jsonl: valid trace of \d+ events \(cut off: no end event\)\n$/);
    expect(err).toMatch(/^cut\.jsonl:\d+: warning: /);
  });

  it("says a missing file in one line and exits 1", async () => {
    expect(await chanscope("validate", "missing.jsonl")).toBe(EXIT.usage);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("missing.jsonl");
  });
});

describe("chanscope and files that are not regular", () => {
  const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).error === undefined;

  it.skipIf(!hasMkfifo)(
    "refuses a FIFO with no writer in one line instead of waiting for it",
    async () => {
      expect(spawnSync("mkfifo", [join(dir, "pipe.jsonl")]).status).toBe(0);
      for (const command of ["validate", "explain"]) {
        err = "";
        expect(await chanscope(command, "pipe.jsonl")).toBe(EXIT.usage);
        expect(err).toBe(`chanscope ${command}: pipe.jsonl is not a regular file (a pipe, device or socket); give a trace file\n`);
      }
    },
    5_000,
  );
});

describe("chanscope explain", () => {
  it("prints who waits on what at the end of a deadlock, with the cycle", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    out = "";
    expect(await chanscope("explain", "circ.trace.jsonl")).toBe(EXIT.ok);
    expect(out).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(out).toMatch(/G2 alice\s+deadlocked \[chan receive\]: waiting to receive from `b` \(unbuffered\)/);
    expect(out).toMatch(/G3 bob\s+deadlocked \[chan receive\]: waiting to receive from `a` \(unbuffered\)/);
    expect(out).toContain("Wait-for cycles:");
  });

  it("shows the state after a given event", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    out = "";
    expect(await chanscope("explain", "circ.trace.jsonl", "--at", "3")).toBe(EXIT.ok);
    expect(out).toMatch(/^State after event #3 \(t=0ns\):$/m);
  });

  it("ends with the last lines the program printed by then, who printed them and when", async () => {
    program(
      "talk.ts",
      `export default async function main(): Promise<void> {
  console.log("start");
  go(async () => { await sleep(2); console.error("stuck\\x1b[2J"); }, "worker");
  await sleep(1);
  await chan<number>(0, "never").recv();
}
`,
    );
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});
    const quietErr = vi.spyOn(console, "error").mockImplementation(() => {});
    await chanscope("run", "talk.ts");
    quiet.mockRestore();
    quietErr.mockRestore();
    out = "";
    expect(await chanscope("explain", "talk.trace.jsonl")).toBe(EXIT.ok);
    expect(out).toMatch(/Printed by event #\d+: 2 lines\n +0ns {2}G1 main +start\n +2ms {2}G2 worker +stderr: stuck\\x1b\[2J\n$/);
    out = "";
    expect(await chanscope("explain", "talk.trace.jsonl", "--at", "3")).toBe(EXIT.ok);
    expect(out).toContain("Printed by event #3: 1 line\n");
  });

  it("takes an event as the app names it, #3, the same as 3", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    out = "";
    expect(await chanscope("explain", "circ.trace.jsonl", "--at", "3")).toBe(EXIT.ok);
    const plain = out;
    out = "";
    expect(await chanscope("explain", "circ.trace.jsonl", "--at", "#3")).toBe(EXIT.ok);
    expect(out).toBe(plain);
  });

  it("names blocks by event number, from #0", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    out = "";
    expect(await chanscope("explain", "circ.trace.jsonl")).toBe(EXIT.ok);
    expect(out).toMatch(/G2 alice\s+deadlocked \[chan receive\]: .* since event #\d+/);
  });

  it("refuses an event past the end, naming the last one", async () => {
    program("ok.ts", `export default async function main() {}\n`);
    await chanscope("run", "ok.ts");
    expect(await chanscope("explain", "ok.trace.jsonl", "--at", "99999")).toBe(EXIT.usage);
    expect(err).toMatch(/--at 99999 is past the last event, #\d+ \(events are numbered from #0\)/);
  });
});

describe("chanscope export", () => {
  it("writes Chrome Trace Event JSON next to the trace", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    expect(await chanscope("export", "--format", "chrome", "circ.trace.jsonl")).toBe(EXIT.ok);
    const chrome = JSON.parse(readFileSync(join(dir, "circ.json"), "utf8")) as { traceEvents: { ph: string }[] };
    expect(Array.isArray(chrome.traceEvents)).toBe(true);
    expect(chrome.traceEvents.some((e) => e.ph === "M")).toBe(true);
  });

  it("says in one line that --out is a directory or in a missing directory, keeping what was there", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    mkdirSync(join(dir, "out"));
    expect(await chanscope("export", "--format", "chrome", "circ.trace.jsonl", "--out", "out")).toBe(EXIT.usage);
    expect(err).toBe(`chanscope export: cannot write the export (it is a directory): ${join(dir, "out")}\n`);
    err = "";
    expect(await chanscope("export", "--format", "chrome", "circ.trace.jsonl", "--out", "gone/x.json")).toBe(EXIT.usage);
    expect(err).toBe(`chanscope export: cannot write the export (no such file or directory): ${join(dir, "gone/x.json")}\n`);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  });

  it("replaces an earlier export whole", async () => {
    program("circ.ts", circular);
    await chanscope("run", "circ.ts");
    writeFileSync(join(dir, "circ.json"), "x".repeat(1_000_000));
    expect(await chanscope("export", "--format", "chrome", "circ.trace.jsonl")).toBe(EXIT.ok);
    expect(() => JSON.parse(readFileSync(join(dir, "circ.json"), "utf8")) as unknown).not.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a format it does not know", async () => {
    expect(await chanscope("export", "--format", "pprof", "x.jsonl")).toBe(EXIT.usage);
    expect(err).toContain("unknown format 'pprof'");
  });
});

describe("chanscope", () => {
  it("refuses an unknown command in one line", async () => {
    expect(await chanscope("frobnicate")).toBe(EXIT.usage);
    expect(err).toBe("chanscope: unknown command 'frobnicate' (see 'chanscope --help')\n");
  });
});

describe("chanscope output and the terminal", () => {
  const hostile = `export default async function main() {
  const c = chan<string>(1, "\\u001b[2J\\u001b[Hstatus ok");
  go(async () => { await c.send("\\u001b]52;c;cm0gLXJmIC8=\\u0007"); }, "\\u001b]0;owned\\u0007");
  await sleep(1);
  throw new Error("\\u001b[2J\\u009b31mfake");
}
`;
  // eslint-disable-next-line no-control-regex
  const noControl = (text: string) => expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);

  it("escapes control characters from names, values, program ids and panic messages", async () => {
    program("h.ts", hostile);
    await chanscope("run", "h.ts", "--out", "h.jsonl");
    noControl(out + err);
    const lines = readFileSync(join(dir, "h.jsonl"), "utf8").split("\n");
    const header = JSON.parse(lines[0]!) as { program: { id: string } };
    header.program.id = "\u001b]0;title\u0007\u001b[2J";
    lines[0] = JSON.stringify(header);
    writeFileSync(join(dir, "h.jsonl"), lines.join("\n"));
    for (const at of [[], ["--at", "3"]]) {
      out = "";
      err = "";
      await chanscope("explain", "h.jsonl", ...at);
      noControl(out + err);
      expect(out).toContain("\\x1b[2J");
      expect(out).toContain("\\x1b]0;");
    }
  });

  it("keeps a line break inside a name, a value or a program id from starting a line of its own", async () => {
    program(
      "nl.ts",
      `export default async function main() {
  const c = chan<string>(1, "jobs\\nstatus: ok");
  go(async () => { await c.send("v\\nVALUE LINE"); await c.send("w"); }, "worker\\nFAKE LINE");
  await sleep(1);
  await c.recv();
}
`,
    );
    await chanscope("run", "nl.ts", "--out", "nl.jsonl");
    const lines = readFileSync(join(dir, "nl.jsonl"), "utf8").split("\n");
    const header = JSON.parse(lines[0]!) as { program: { id: string } };
    header.program.id = "nl.ts\nPROGRAM LINE";
    lines[0] = JSON.stringify(header);
    writeFileSync(join(dir, "nl.jsonl"), lines.join("\n"));
    for (const at of [[], ["--at", "9"]]) {
      out = "";
      err = "";
      await chanscope("explain", "nl.jsonl", ...at);
      const printed = (out + err).split("\n");
      expect(printed.filter((l) => /^(status: ok|VALUE LINE|FAKE LINE|PROGRAM LINE)/.test(l))).toEqual([]);
      expect(out).toContain("jobs\\nstatus: ok");
      expect(out).toContain("worker\\nFAKE LINE");
    }
    expect(out).toContain("v\\nVALUE LINE");
  });

  it("names twenty of a channel's parked senders and counts the rest", async () => {
    const { header, events } = crowdedDeadlockTrace(100);
    writeFileSync(join(dir, "crowded.jsonl"), serializeTrace(header, events));
    await chanscope("explain", "crowded.jsonl", "--at", String(events.length - 1));
    const results = out.split("\n").find((l) => l.trimStart().startsWith("results"));
    expect(results).toMatch(/senders waiting: G2\(0\), G3\(1\), .*G21\(19\) and 80 more$/);
  });

  it("prints random bytes from validate escaped", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 197 + 13) % 256;
    bytes.write('{"format":"chanscope-trace","x":"\u001b[2J\u009b', 0);
    writeFileSync(join(dir, "random.bin"), bytes);
    expect(await chanscope("validate", "random.bin")).toBe(EXIT.usage);
    noControl(out + err);
    const header = { format: "chanscope-trace", version: 1, program: { name: "x" }, seed: 1, strategy: "\u009b2J" };
    writeFileSync(join(dir, "c1.jsonl"), JSON.stringify(header) + "\n" + bytes.toString("latin1"));
    expect(await chanscope("validate", "c1.jsonl")).toBe(EXIT.usage);
    noControl(out + err);
    expect(out + err).toContain("\\u009b2J");
  });
});

describe("chanscope errors name the trace file", () => {
  async function badTrace(): Promise<void> {
    program("ok.ts", `export default async function main() { await sleep(1); await sleep(1); }\n`);
    await chanscope("run", "ok.ts");
    const lines = readFileSync(join(dir, "ok.trace.jsonl"), "utf8").split("\n");
    lines[3] = '{"seq":2,"t":0,"g":1,"kind":"teleport"}';
    writeFileSync(join(dir, "bad.jsonl"), lines.join("\n"));
    out = "";
    err = "";
  }

  it("in export, after --format chrome", async () => {
    await badTrace();
    expect(await chanscope("export", "--format", "chrome", "bad.jsonl")).toBe(EXIT.usage);
    expect(err).toMatch(/^chanscope export: bad\.jsonl:4: /);
  });

  it("in explain, after --at N", async () => {
    await badTrace();
    expect(await chanscope("explain", "--at", "3", "bad.jsonl")).toBe(EXIT.usage);
    expect(err).toMatch(/^chanscope explain: bad\.jsonl:4: /);
  });

  it("and say what a file that is no trace looks like: a Go execution trace, a pretty-printed one", async () => {
    writeFileSync(join(dir, "trace.out"), GO_1_19_TRACE);
    expect(await chanscope("explain", "trace.out")).toBe(EXIT.usage);
    expect(err).toBe(
      "chanscope explain: trace.out:1: this looks like a Go execution trace (Go 1.19 format, written by runtime/trace and read by " +
        "`go tool trace`), not a chanscope trace: chanscope reads its own trace files (.jsonl, one JSON event per line, saved by " +
        "chanscope or `chanscope run --out`) and cannot read Go's binary trace format\n",
    );
    err = "";
    writeFileSync(join(dir, "pretty.json"), prettyPrintedTrace(sampleTrace().header, sampleTrace().events));
    expect(await chanscope("validate", "pretty.json")).toBe(EXIT.usage);
    expect(err).toMatch(
      /^pretty\.json:1: this looks like a chanscope trace pretty-printed over several lines \(by an editor or a JSON formatter\): /,
    );
    expect(out).toBe("");
  });
});
