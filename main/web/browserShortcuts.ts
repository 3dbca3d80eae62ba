// In the browser there is no menu bar: the menu's file shortcuts become the
// same menu commands (and the browser's own open/save page are kept out).
import type { MenuCommand } from "../contract/hostApi";

export function browserShortcuts(send: (command: MenuCommand) => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const command: MenuCommand | undefined =
      key === "o" && !event.shiftKey ? "open-trace" : key === "o" ? "open-program" : key === "s" ? "save-trace" : undefined;
    if (command === undefined) return;
    event.preventDefault();
    send(command);
  };
}
