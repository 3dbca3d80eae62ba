// Typed arrays cannot be frozen, so the model hands them out under types that
// have no writing methods and a read-only index signature.

type Mutating = "set" | "fill" | "copyWithin" | "reverse" | "sort" | "subarray";

/** A typed array seen through a type that only reads. */
export type ReadonlyTypedArray<T> = { readonly [K in keyof T as K extends Mutating ? never : K]: T[K] };

export type ReadonlyFloat64Array = ReadonlyTypedArray<Float64Array>;
export type ReadonlyInt32Array = ReadonlyTypedArray<Int32Array>;
export type ReadonlyInt16Array = ReadonlyTypedArray<Int16Array>;
export type ReadonlyUint8Array = ReadonlyTypedArray<Uint8Array>;
