// Go 1.21's maps package, without Keys and Values (iterators since Go 1.23,
// which gofront does not support).

import { goEqual } from "../equal";
import { runtimeError } from "../panics";
import { GoMap } from "../values";
import { synchronous, type GoFunc } from "./calls";

/** Go's maps.Clone: nil stays nil. */
export function Clone<K, V>(m: GoMap<K, V> | null): GoMap<K, V> | null {
  if (m === null) return null;
  const c = new GoMap<K, V>(m.keyType, m.keyOf);
  for (const { key, value } of m.entries.values()) c.set(key, value);
  return c;
}

/** Go's maps.Copy: every entry of src set in dst. */
export function Copy<K, V>(dst: GoMap<K, V> | null, src: GoMap<K, V> | null): void {
  if (src === null || src.size === 0) return;
  if (dst === null) runtimeError("assignment to entry in nil map");
  for (const { key, value } of src.entries.values()) dst.set(key, value);
}

/** Go's maps.DeleteFunc. */
export function DeleteFunc<K, V>(m: GoMap<K, V> | null, del: GoFunc<[K, V], boolean>): void {
  if (m === null) return;
  const test = synchronous("maps.DeleteFunc", del);
  for (const { key, value } of [...m.entries.values()]) if (test(key, value)) m.delete(key);
}

function equalBy<K, V1, V2>(m1: GoMap<K, V1> | null, m2: GoMap<K, V2> | null, eq: (a: V1, b: V2) => boolean): boolean {
  if ((m1?.size ?? 0) !== (m2?.size ?? 0)) return false;
  for (const { key, value } of m1?.entries.values() ?? []) {
    const other = m2?.lookup(key);
    if (other === undefined || !eq(value, other.value)) return false;
  }
  return true;
}

/** Go's maps.Equal: the same keys, with equal values. */
export const Equal = <K, V>(m1: GoMap<K, V> | null, m2: GoMap<K, V> | null): boolean => equalBy(m1, m2, goEqual);

/** Go's maps.EqualFunc. */
export const EqualFunc = <K, V1, V2>(m1: GoMap<K, V1> | null, m2: GoMap<K, V2> | null, eq: GoFunc<[V1, V2], boolean>): boolean =>
  equalBy(m1, m2, synchronous("maps.EqualFunc", eq));
