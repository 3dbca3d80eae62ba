import { describe, expect, it } from "vitest";
import { testStdlib } from "../testing/checkGo";
import { typeString } from "../types/types";
import { STDLIB } from "./declarations";

describe("the standard packages' declarations", () => {
  it("read and check, each against those before it", async () => {
    const table = await testStdlib();
    expect([...table.keys()]).toEqual(STDLIB.map((p) => p.path));
  });

  it("give programs Go's names, types and methods", async () => {
    const table = await testStdlib();
    const member = (path: string, name: string) => table.get(path)?.scope.own(name);
    const second = member("time", "Second");
    expect(second?.kind === "const" && [typeString(second.type), second.value]).toEqual([
      "time.Duration",
      { kind: "int", value: 1_000_000_000n },
    ]);
    const wg = member("sync", "WaitGroup");
    expect(wg?.kind === "typeName" && wg.type.kind === "named" && wg.type.methods.map((m) => [m.name, m.pointerReceiver])).toEqual([
      ["Add", true],
      ["Done", true],
      ["Wait", true],
      ["Go", true],
    ]);
    const withTimeout = member("context", "WithTimeout");
    expect(
      withTimeout !== undefined &&
        typeString(
          withTimeout.kind === "func"
            ? withTimeout.type
            : withTimeout.kind === "typeName"
              ? withTimeout.type
              : withTimeout.kind === "var"
                ? withTimeout.type
                : (undefined as never),
        ),
    ).toBe("func(parent context.Context, timeout time.Duration) (context.Context, context.CancelFunc)");
    expect(table.get("math/rand")?.name).toBe("rand");
    expect([table.get("golang.org/x/sync/errgroup")?.name, table.get("golang.org/x/sync/semaphore")?.name]).toEqual([
      "errgroup",
      "semaphore",
    ]);
  });
});
