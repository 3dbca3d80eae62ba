// The run frame: a hidden same-origin page whose meta CSP (runFrame.html)
// forbids every connection. A Web Worker started from a URL takes its policy
// from the script's HTTP headers, which a static host does not set, and the
// app page's own policy forbids the eval a program needs; a worker started
// from a blob: URL inherits its creator's policy, so the frame creates it. The
// page talks to the worker over a transferred port; removing the frame ends
// the worker at once.
import runWorkerUrl from "./runWorker.ts?worker&url";
import type { RunPort, StartWorker, WorkerToFrame } from "./runFrameProtocol";

window.addEventListener("message", (event: MessageEvent<StartWorker>) => {
  if (event.source !== window.parent || event.origin !== location.origin || event.data.type !== "start-worker") return;
  const [run, control] = event.ports;
  if (run === undefined || control === undefined) return;
  const url = new URL(runWorkerUrl, location.href).href;
  const bootstrap = `import(${JSON.stringify(url)}).catch((e) => postMessage({ type: "crashed", reason: "the run worker did not load: " + String(e) }));`;
  const blob = URL.createObjectURL(new Blob([bootstrap], { type: "text/javascript" }));
  const worker = new Worker(blob, { type: "module", name: "chanscope run" });
  worker.onmessage = (e: MessageEvent<WorkerToFrame>) => {
    switch (e.data.type) {
      case "ready":
        URL.revokeObjectURL(blob);
        worker.postMessage({ type: "run-port", goParser: event.data.goParser } satisfies RunPort, [run]);
        return;
      case "crashed":
        control.postMessage(e.data);
        return;
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    control.postMessage({ type: "crashed", reason: e.message || "the worker failed to start" });
  };
});
