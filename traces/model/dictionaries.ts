// The columns' dictionaries: value previews, names and error texts; source
// locations; select case lists and ready sets. An event's column holds an index
// into one of them.

import type { SelectCase } from "../events";
import { NONE } from "./columns";

/**
 * Deduplication is opportunistic: a small direct-mapped cache keyed by a cheap
 * hash finds recent repeats ("true", "{}", the same select statement) without
 * hashing every string into a map, which cost more than it saved on a million
 * mostly unique previews.
 */
const CACHE_SIZE = 4096;
const stringSlot = (s: string): number =>
  s.length === 0
    ? 0
    : (s.length * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(s.length - 1) * 131 + s.charCodeAt(s.length >> 1)) & (CACHE_SIZE - 1);

/** Value previews, names and error texts; recent repeats share an entry. */
export class StringDictionary {
  readonly list: string[] = [];
  private readonly cache = new Int32Array(CACHE_SIZE).fill(NONE);

  intern(v: string): number {
    const slot = stringSlot(v);
    const known = this.cache[slot] as number;
    if (known !== NONE && this.list[known] === v) return known;
    const id = this.list.length;
    this.list.push(v);
    this.cache[slot] = id;
    return id;
  }
}

/** Source locations: few and repeated, so every repeat shares an entry. */
export class LocationDictionary {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  intern(loc: string): number {
    const known = this.index.get(loc);
    if (known !== undefined) return known;
    const id = this.list.length;
    this.list.push(loc);
    this.index.set(loc, id);
    return id;
  }
}

/** Select case lists: a loop's select records the same list again and again. */
export class CaseListDictionary {
  readonly list: (readonly SelectCase[])[] = [];
  private readonly cache = new Int32Array(CACHE_SIZE).fill(NONE);

  intern(cases: readonly SelectCase[]): number {
    let h = cases.length;
    for (const c of cases) h = (h * 33 + (c.ch === null ? 0 : c.ch) * 2 + (c.dir === "send" ? 1 : 0)) | 0;
    const slot = h & (CACHE_SIZE - 1);
    const known = this.cache[slot] as number;
    if (known !== NONE && sameCases(this.list[known] as readonly SelectCase[], cases)) return known;
    const id = this.list.length;
    // Kept as received: events are not mutated once emitted.
    this.list.push(cases);
    this.cache[slot] = id;
    return id;
  }
}

/** Select ready sets. */
export class ReadySetDictionary {
  readonly list: (readonly number[])[] = [];
  private readonly cache = new Int32Array(CACHE_SIZE).fill(NONE);

  intern(ready: readonly number[]): number {
    let h = ready.length;
    for (const r of ready) h = (h * 33 + r) | 0;
    const slot = h & (CACHE_SIZE - 1);
    const known = this.cache[slot] as number;
    if (known !== NONE && sameNumbers(this.list[known] as readonly number[], ready)) return known;
    const id = this.list.length;
    this.list.push(ready);
    this.cache[slot] = id;
    return id;
  }
}

function sameCases(a: readonly SelectCase[], b: readonly SelectCase[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]?.ch !== b[k]?.ch || a[k]?.dir !== b[k]?.dir) return false;
  return true;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
