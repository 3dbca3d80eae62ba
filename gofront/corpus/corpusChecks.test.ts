// The chanscope side of the corpus, as far as the front end goes today:
// every program reads and type-checks without a message, as `go build` (or,
// for go122/, a newer Go) accepts it. Running them and comparing with the
// recorded output comes with the emitter.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkGo } from "../compiler/testing/checkGo";
import { listPrograms } from "./record";

describe("the corpus through gofront's front end", () => {
  it("reads and checks every program without a message, as Go compiles them", async () => {
    const programs = listPrograms();
    expect(programs.length).toBeGreaterThanOrEqual(80);
    const messages: string[] = [];
    for (const p of programs) messages.push(...(await checkGo(readFileSync(p.goFile, "utf8"), `${p.id}.go`)).messages);
    expect(messages).toEqual([]);
  });

  it("reads and checks every sample's Go original without a message", async () => {
    const dir = join(import.meta.dirname, "../../samples/go");
    const files = readdirSync(dir).filter((f) => f.endsWith(".go"));
    expect(files.length).toBeGreaterThanOrEqual(24);
    const messages: string[] = [];
    for (const f of files) messages.push(...(await checkGo(readFileSync(join(dir, f), "utf8"), `samples/go/${f}`)).messages);
    expect(messages).toEqual([]);
  });
});
