// The one contract between a host (Electron main via the preload, or the web
// host) and the renderer. The renderer knows only HostApi; it finds it on
// window.chanscope, installed by the preload or by main/web/install.ts.

export interface HostInfo {
  /** "electron" or "web": for the About box, never for branching behaviour. */
  readonly kind: "electron" | "web";
  readonly version: string;
}

export interface HostApi {
  info(): Promise<HostInfo>;
}

export const HOST_GLOBAL = "chanscope" as const;
export const APP_NAME = "chanscope";
export const APP_VERSION = "0.1.0";
