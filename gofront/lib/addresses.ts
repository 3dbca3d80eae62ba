// Addresses for what fmt prints as a pointer (%p, a pointer inside a
// composite value, a chan, a func). A JS program has no addresses, so each
// thing pointed at gets a fake one the first time it is printed or compared:
// 0xc000010000, then 8 bytes further for each new one. The same thing keeps
// its address, two pointers to the same variable share one, and a run that
// prints the same things in the same order prints the same addresses.
// Go's real addresses differ from run to run anyway.

import { Ptr, Slice } from "./values";

const FIRST = 0xc000010000;
const STRIDE = 8;

let next = 0;
let ofObject = new WeakMap<object, number>();
let ofSlot = new WeakMap<object, Map<string | number, number>>();

function fresh(): number {
  return FIRST + STRIDE * next++;
}

function objectAddress(o: object): number {
  let a = ofObject.get(o);
  if (a === undefined) {
    a = fresh();
    ofObject.set(o, a);
  }
  return a;
}

function slotAddress(target: object, key: string | number): number {
  let slots = ofSlot.get(target);
  if (slots === undefined) {
    slots = new Map();
    ofSlot.set(target, slots);
  }
  let a = slots.get(key);
  if (a === undefined) {
    a = fresh();
    slots.set(key, a);
  }
  return a;
}

/**
 * The address of a pointer-like value as a compiled program holds it: a
 * struct object (a pointer to a struct), a Ptr, a Slice (its first element),
 * a map, a chan or a func; 0 for nil (null).
 */
export function addressOf(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Ptr) return slotAddress(v.target, v.key);
  if (v instanceof Slice) return v.cap === 0 ? objectAddress(v.array) : slotAddress(v.array, v.offset);
  if (typeof v === "object" || typeof v === "function") return objectAddress(v);
  // An unsafe.Pointer made from a number.
  return typeof v === "number" ? v : 0;
}

/** Start the addresses again from the first (a new run). */
export function resetAddresses(): void {
  next = 0;
  ofObject = new WeakMap();
  ofSlot = new WeakMap();
}
