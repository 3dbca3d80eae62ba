import { useEffect, useState } from "react";
import { APP_NAME, type HostApi, type HostInfo } from "../../main/contract/hostApi";

export function App({ host }: { readonly host: HostApi | undefined }) {
  const [info, setInfo] = useState<HostInfo | undefined>(undefined);
  useEffect(() => {
    void host?.info().then(setInfo);
  }, [host]);
  return (
    <main className="app">
      <header className="app-header">
        <h1>{APP_NAME}</h1>
        <span className="app-sub">goroutines, channels and who waits for whom</span>
      </header>
      {host === undefined ? (
        <p role="alert">No host: this page must be opened by the desktop app or `npm run web`.</p>
      ) : (
        <p className="app-status">{info ? `${info.kind} host ${info.version}` : "connecting…"}</p>
      )}
    </main>
  );
}
