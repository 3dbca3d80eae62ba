// IPC channel names, declared once for main and preload.
export const IPC = {
  info: "chanscope:info",
} as const;
