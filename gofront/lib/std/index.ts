// The standard packages a compiled program calls, by import path. Each module
// exports Go's names (std/README in gofront/README.md: the conventions).

export const STD_PACKAGES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {};
