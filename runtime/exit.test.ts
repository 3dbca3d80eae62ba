import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { exit, isExiting } from "./exit";
import { go } from "./go";
import { run } from "./run";
import { sleep } from "./time";

describe("exit (Go's os.Exit)", () => {
  it("ends the run at once as ok with the code, on the result and the end event", async () => {
    const r = await run(async () => {
      go(() => chan<number>(0, "never").recv(), "waiter");
      await sleep(5);
      exit(3);
    });
    expect(r.status).toBe("ok");
    expect(r.exitCode).toBe(3);
    expect(r.message).toBe("exit status 3");
    expect(r.endTime).toBe(5_000_000);
    const end = r.events.at(-1)!;
    expect(end).toMatchObject({ kind: "end", status: "ok", message: "exit status 3", exitCode: 3 });
    expect(r.goroutines.map((g) => g.name)).toEqual(["main", "waiter"]);
  });

  it("runs no deferred call: a finally that asks isExiting skips it, and other goroutines never resume", async () => {
    const ran: string[] = [];
    const r = await run(async () => {
      go(async () => {
        try {
          await sleep(10);
          ran.push("sleeper woke");
        } finally {
          if (!isExiting()) ran.push("sleeper's defer");
        }
      }, "sleeper");
      try {
        await sleep(1);
        exit(1);
      } finally {
        if (!isExiting()) ran.push("main's defer");
      }
    });
    expect(r.exitCode).toBe(1);
    await new Promise((res) => setTimeout(res, 5));
    expect(ran).toEqual([]);
  });

  it("with code 0 leaves no exit code anywhere, and the next run is not exiting", async () => {
    const r = await run(() => exit(0));
    expect(r.status).toBe("ok");
    expect(r.exitCode).toBeUndefined();
    expect(r.message).toBe("exit status 0");
    expect("exitCode" in r.events.at(-1)!).toBe(false);
    expect(JSON.stringify(r)).not.toContain("exitCode");
    expect(isExiting()).toBe(true);
    const next = await run(() => undefined);
    expect(next.exitCode).toBeUndefined();
    expect(isExiting()).toBe(false);
  });
});
