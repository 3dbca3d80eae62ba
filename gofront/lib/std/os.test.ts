import { describe, expect, it } from "vitest";
import { go } from "../../../runtime/index";
import type { TraceEvent } from "../../../traces/events";
import { pointerTo } from "../types";
import { Iface, Slice } from "../values";
import { callMethod } from "./goShared";
import { File$type } from "./os";
import { runGo } from "./testing/runGo";

const outputs = (events: readonly TraceEvent[]): unknown[] => events.flatMap((e) => (e.kind === "output" ? [[e.stream, e.text]] : []));

describe("os", () => {
  it("Stdout and Stderr are *os.File writers: Write through the method table prints a line at a time", async () => {
    const r = await runGo((std) => {
      const out = new Iface(pointerTo(File$type), std.os.Stdout);
      const [n, err] = callMethod(out, "Write", Slice.of([...Buffer.from("hi\nthere")])) as [number, unknown];
      std.os.Stdout.WriteString(" you\n");
      std.os.Stderr.WriteString("oops\n");
      expect([n, err]).toEqual([8, null]);
    });
    expect(r.status).toBe("ok");
    expect(outputs(r.events)).toEqual([
      ["stdout", "hi"],
      ["stdout", "there you"],
      ["stderr", "oops"],
    ]);
  });

  it("Exit ends the run with its code at once: other goroutines stop, nothing after it runs, pending output is printed", async () => {
    const after: string[] = [];
    const r = await runGo(async (std) => {
      go(async () => {
        await std.time.Sleep(5e6);
        after.push("goroutine");
      });
      std.os.Stdout.WriteString("bye");
      await std.time.Sleep(1e6);
      std.os.Exit(3);
      after.push("main");
    });
    expect(r.status).toBe("ok");
    expect(r.exitCode).toBe(3);
    expect(r.events.at(-1)).toMatchObject({ kind: "end", exitCode: 3 });
    expect(outputs(r.events)).toEqual([["stdout", "bye"]]);
    expect(after).toEqual([]);
  });

  it("has no files: Open fails with *fs.PathError wrapping ENOENT, which is ErrNotExist; Args and Getenv", async () => {
    const seen: unknown[] = [];
    await runGo((std) => {
      const [f, err] = std.os.Open("data.txt");
      const e = err!;
      const inner = callMethod(e, "Unwrap") as Iface;
      seen.push(f, callMethod(e, "Error"), callMethod(inner, "Is", std.os.ErrNotExist), callMethod(std.os.ErrNotExist, "Error"));
      seen.push(std.os.Args.toArray(), std.os.Getenv("HOME"), callMethod(std.os.ReadFile("x")[1]!, "Error"));
    });
    expect(seen).toEqual([
      null,
      "open data.txt: no such file or directory",
      true,
      "file does not exist",
      ["/tmp/prog"],
      "",
      "open x: no such file or directory",
    ]);
  });
});
