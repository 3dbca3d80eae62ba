import { describe, expect, it } from "vitest";
import { ByteBlocks } from "./byteBlocks";

const bytes = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i) % 251);
const concat = (parts: readonly Uint8Array[]): number[] => parts.flatMap((p) => [...p]);

describe("ByteBlocks", () => {
  it("keeps every byte in order, in full blocks and a last block cut to size", () => {
    const b = new ByteBlocks(10);
    b.push(bytes(7));
    b.push(bytes(9, 7));
    b.push(bytes(5, 16));
    expect(b.byteLength).toBe(21);
    const blocks = b.finish();
    expect(blocks.map((x) => x.length)).toEqual([10, 10, 1]);
    expect(concat(blocks)).toEqual([...bytes(21)]);
  });

  it("hands out a block once it is full, and that block no longer changes", () => {
    const b = new ByteBlocks(4);
    b.push(bytes(3));
    expect(b.filledCount).toBe(0);
    expect(b.filled(0)).toBeUndefined();
    b.push(bytes(3, 3));
    expect(b.filledCount).toBe(1);
    const first = b.filled(0)!;
    expect([...first]).toEqual([...bytes(4)]);
    b.push(bytes(6, 6));
    expect([...first]).toEqual([...bytes(4)]);
    expect(b.filledCount).toBe(3);
    expect(b.finish()[0]).toBe(first);
  });

  it("splits a chunk larger than several blocks", () => {
    const b = new ByteBlocks(4);
    b.push(bytes(13));
    const blocks = b.finish();
    expect(blocks.map((x) => x.length)).toEqual([4, 4, 4, 1]);
    expect(concat(blocks)).toEqual([...bytes(13)]);
  });

  it("gives each block a buffer of its own, exactly its size (a view would clone its whole buffer over IPC)", () => {
    const b = new ByteBlocks(8);
    b.push(bytes(11));
    for (const block of b.finish()) {
      expect(block.byteOffset).toBe(0);
      expect(block.buffer.byteLength).toBe(block.length);
    }
  });

  it("ends a stream that fills its last block exactly without an empty block", () => {
    const b = new ByteBlocks(5);
    b.push(bytes(10));
    expect(b.finish().map((x) => x.length)).toEqual([5, 5]);
  });

  it("has no blocks for no bytes, and starts afresh after finish", () => {
    const b = new ByteBlocks(5);
    b.push(new Uint8Array(0));
    expect(b.finish()).toEqual([]);
    b.push(bytes(3));
    expect(b.finish().map((x) => x.length)).toEqual([3]);
    expect(b.byteLength).toBe(0);
  });

  it("refuses a block size that is not a positive whole number", () => {
    expect(() => new ByteBlocks(0)).toThrow(/positive whole number/);
  });
});
