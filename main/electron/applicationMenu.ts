// The menu model (main/node/desktop/menuModel.ts) as Electron's application menu.
import { Menu } from "electron";
import { menuTemplate, type MenuAction, type MenuNode } from "../node/desktop/menuModel";

export function buildMenu(nodes: readonly MenuNode[], perform: (action: MenuAction) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(nodes, perform));
}
