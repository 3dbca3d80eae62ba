// Errors and warnings, newest first, each with the file and line it is about;
// shown above the work area until dismissed, never replacing what is open.

import { useEffect } from "react";
import type { Notice } from "../state/uiState";

/** Info notices ("Trace saved") go by themselves; errors and warnings stay until dismissed. */
const INFO_LIFETIME_MS = 6000;

export function NoticeStack({ notices, onDismiss }: { readonly notices: readonly Notice[]; readonly onDismiss: (id: number) => void }) {
  const infoIds = notices
    .filter((n) => n.level === "info")
    .map((n) => n.id)
    .join(",");
  useEffect(() => {
    if (infoIds === "") return;
    const timer = setTimeout(() => {
      for (const id of infoIds.split(",")) onDismiss(Number(id));
    }, INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [infoIds, onDismiss]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === "error" ? "alert" : "status"} data-level={n.level}>
          <div className="notice-body">
            <strong className="notice-title">{n.title}</strong>
            {n.file !== undefined && (
              <code className="notice-where" data-testid="notice-where">
                {n.file}
                {n.line !== undefined && `, line ${n.line}`}
                {n.line !== undefined && n.column !== undefined && `, column ${n.column}`}
              </code>
            )}
            {n.message !== "" && <span className="notice-message">{n.message}</span>}
          </div>
          <button type="button" className="ghost small" onClick={() => onDismiss(n.id)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
