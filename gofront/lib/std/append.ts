// Go's append as the standard packages need it (strconv.AppendInt,
// slices.Insert…): its growth and allocation size classes, so that cap()
// prints what Go prints; and []byte values read as Go byte strings.

import { Slice } from "../values";

/** The bytes of a []byte as a Go byte string. */
export function bytesText(p: Slice<number> | null): string {
  if (p === null) return "";
  let out = "";
  for (let i = 0; i < p.length; i++) out += String.fromCharCode(p.get(i));
  return out;
}

/** Go's append(dst, bytes...) where bytes is a Go byte string. */
export function appendBytes(dst: Slice<number> | null, bytes: string): Slice<number> | null {
  return appendItems(
    dst,
    Array.from(bytes, (c) => c.charCodeAt(0)),
    1,
    0,
  );
}

/**
 * Go's append(s, items...) for elements of elemSize bytes; zero is the
 * element's zero value, for the room beyond the length. The standard packages
 * do not know a generic element's size: they pass 8, a word.
 */
export function appendItems<T>(s: Slice<T> | null, items: readonly T[], elemSize: number, zero: T): Slice<T> | null {
  return appendMade(s, items, elemSize, () => zero);
}

/** appendItems with a fresh zero value for each slot past the length (struct elements must not share one). */
export function appendMade<T>(s: Slice<T> | null, items: readonly T[], elemSize: number, zero: () => T): Slice<T> | null {
  const len = s?.length ?? 0;
  const newLen = len + items.length;
  if (s !== null && newLen <= s.cap) {
    items.forEach((x, i) => (s.array[s.offset + len + i] = x));
    return new Slice(s.array, s.offset, newLen, s.cap);
  }
  if (items.length === 0) return s;
  // Zero-size elements (struct{}) take no memory: Go gives exactly the length.
  const cap = elemSize === 0 ? newLen : grownCap(s?.cap ?? 0, newLen, elemSize);
  const array = [...(s?.toArray() ?? []), ...items];
  while (array.length < cap) array.push(zero());
  return new Slice(array, 0, newLen, cap);
}

/** Go 1.19's growslice: the new capacity, its bytes rounded up to the allocator's size class. */
function grownCap(oldCap: number, newLen: number, elemSize: number): number {
  let cap = oldCap;
  const doubled = cap * 2;
  if (newLen > doubled) cap = newLen;
  else if (oldCap < 256) cap = doubled;
  else while (cap < newLen) cap += Math.floor((cap + 3 * 256) / 4);
  return Math.floor(roundUpSize(cap * elemSize) / elemSize);
}

// runtime/sizeclasses.go, the classes up to 32 KiB; larger sizes round up to whole 8 KiB pages.
const SIZE_CLASSES = [
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704,
  768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
  9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];

function roundUpSize(size: number): number {
  if (size > 32768) return Math.ceil(size / 8192) * 8192;
  return SIZE_CLASSES.find((c) => c >= size) ?? size;
}
