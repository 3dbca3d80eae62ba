import { useEffect, useMemo } from "react";
import type { HostApi } from "../../main/contract/hostApi";
import type { AppCommands } from "../state/commands";
import { HostSession } from "../state/hostSession";
import type { UiStore } from "../state/uiStore";

/** The window's host session (renderer/state/hostSession.ts): made once, following the host while the app is mounted. */
export function useHostSession(host: HostApi | undefined, store: UiStore): AppCommands {
  const session = useMemo(() => new HostSession(host, store), [host, store]);
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  return session.commands;
}
