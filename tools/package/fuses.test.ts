import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FuseV1Options, getCurrentFuseWire } from "@electron/fuses";
import { CHANSCOPE_FUSES, applyFuses } from "./fuses";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "chanscope-fuses-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for an Electron binary: bytes around Electron's fuse sentinel and a v1 wire of nine fuses, all as Electron ships them. */
async function fakeElectron(): Promise<string> {
  const sentinel = Buffer.from("dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX");
  const shipped = Buffer.from("101100000", "latin1"); // RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, …
  const wire = Buffer.concat([Buffer.from([1, shipped.length]), shipped]);
  const path = join(dir, "electron");
  await writeFile(path, Buffer.concat([Buffer.alloc(4096, 0x90), sentinel, wire, Buffer.alloc(4096, 0x90)]));
  return path;
}

describe("the packaged app's fuses", () => {
  it("are flipped in the binary and read back as set", async () => {
    const binary = await fakeElectron();
    const before = await readFile(binary);
    await applyFuses(binary);
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    const on = 0x31;
    const off = 0x30;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    // Only the wire changed: the binary keeps its size and every other byte.
    const after = await readFile(binary);
    expect(after.length).toBe(before.length);
    expect([...after].filter((b, k) => b !== before[k]).length).toBeLessThanOrEqual(Object.keys(CHANSCOPE_FUSES).length);
  });

  it("refuses a file that is not an Electron binary, in one clear error", async () => {
    const notElectron = join(dir, "notes.txt");
    await writeFile(notElectron, "hello");
    await expect(applyFuses(notElectron)).rejects.toThrow(/sentinel/);
  });
});
