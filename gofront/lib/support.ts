// What compiled code calls besides the runtime and the standard packages.
export * from "./values";
export * from "./types";
