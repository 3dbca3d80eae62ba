import { APP_NAME, APP_VERSION } from "../../main/contract/hostApi";
import { SHORTCUTS } from "../state/keyboard";
import type { OverlayName } from "../state/uiState";

/** The keyboard shortcuts, or the About box. */
export function Overlay({
  overlay,
  hostKind,
  onClose,
}: {
  readonly overlay: OverlayName;
  readonly hostKind: string | undefined;
  readonly onClose: () => void;
}) {
  if (overlay === "none") return null;
  return (
    <div className="overlay-backdrop" onClick={onClose}>
      <div
        className="overlay"
        role="dialog"
        aria-modal="true"
        aria-label={overlay === "shortcuts" ? "Keyboard shortcuts" : "About"}
        onClick={(e) => e.stopPropagation()}
      >
        {overlay === "shortcuts" ? (
          <>
            <h2>Keyboard shortcuts</h2>
            <table className="grid shortcuts">
              <tbody>
                {SHORTCUTS.map(([keys, what]) => (
                  <tr key={keys}>
                    <td>
                      <kbd>{keys}</kbd>
                    </td>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <>
            <h2>{APP_NAME}</h2>
            <p>
              Version {APP_VERSION}
              {hostKind !== undefined && ` · ${hostKind} host`}
            </p>
            <p className="muted">A concurrency visualizer and timeline debugger for Go-style CSP programs in TypeScript.</p>
          </>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
