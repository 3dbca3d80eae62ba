// Typed arrays cannot be frozen, so the model hands them out under types that
// have no writing methods and a read-only index signature.

type Mutating = "set" | "fill" | "copyWithin" | "reverse" | "sort" | "subarray";

/** A typed array seen through a type that only reads. */
type ReadonlyTypedArray<T> = { readonly [K in keyof T as K extends Mutating ? never : K]: T[K] };

export type ReadonlyFloat64Array = ReadonlyTypedArray<Float64Array>;
export type ReadonlyInt32Array = ReadonlyTypedArray<Int32Array>;
export type ReadonlyInt16Array = ReadonlyTypedArray<Int16Array>;
export type ReadonlyUint8Array = ReadonlyTypedArray<Uint8Array>;

/** A column of typed values (ids, times) over a typed array: plain indexed reads (undefined outside [0, length)). */
export interface EventColumn<T> {
  readonly length: number;
  readonly [index: number]: T;
}

/** A typed array seen as a column of T (a brand over the numbers it holds). */
export const columnOf = <T extends number>(a: Float64Array | Int32Array): EventColumn<T> => a as unknown as EventColumn<T>;
