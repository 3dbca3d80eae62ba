// Electron's fuses for a packaged chanscope: switches compiled into the
// Electron binary that only a rewrite of the binary can change, so a user's
// environment or a file next to the app cannot turn them back on.
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseConfig } from "@electron/fuses";

/** The settings, as data. */
export const CHANSCOPE_FUSES = {
  version: FuseVersion.V1,
  // chanscope is never a Node: ELECTRON_RUN_AS_NODE would turn the signed app into one.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let the environment or a command line inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // These two need the app packaged as an asar archive (with its integrity recorded by the packager);
  // an unpacked build must leave them off, or Electron refuses to start it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The app serves its pages from app:// (main/electron/appScheme.ts): file: needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies FuseConfig;

/** Flips the fuses of the Electron binary at `binary`, then reads them back; throws if one is not as set. */
export async function applyFuses(binary: string, fuses: FuseConfig = CHANSCOPE_FUSES): Promise<void> {
  await flipFuses(binary, fuses);
  const wire = await getCurrentFuseWire(binary);
  for (const [key, wanted] of Object.entries(fuses)) {
    if (key === "version" || typeof wanted !== "boolean") continue;
    const state = (wire as unknown as Record<string, number | undefined>)[key];
    const expected = wanted ? 0x31 : 0x30; // '1' on, '0' off, as the wire spells them
    if (state !== expected) throw new Error(`fuse ${FuseV1Options[Number(key)]} reads ${String(state)} after flipping, not ${expected}`);
  }
}
