import { describe, expect, it } from "vitest";
import { goParserLoader } from "./goParserBytes";

describe("the Go parser's bytes", () => {
  it("are the two wasm files, fetched once for every run", async () => {
    const asked: string[] = [];
    const load = goParserLoader((url) => {
      asked.push(url);
      return Promise.resolve(new Uint8Array([asked.length]));
    });
    const first = await load();
    expect(await load()).toBe(first);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/tree-sitter\.wasm$/);
    expect(asked[1]).toMatch(/tree-sitter-go\.wasm$/);
    expect(first).toEqual({ runtime: new Uint8Array([1]), grammar: new Uint8Array([2]) });
  });

  it("are fetched again after a fetch failed, which says the Go compiler did not load", async () => {
    let fail = true;
    const load = goParserLoader(() => (fail ? Promise.reject(new Error("404 Not Found")) : Promise.resolve(new Uint8Array(1))));
    await expect(load()).rejects.toThrow("the Go compiler could not be loaded: 404 Not Found");
    fail = false;
    await expect(load()).resolves.toMatchObject({ grammar: new Uint8Array(1) });
  });
});
