// The menu model (main/node/desktop/menuModel.ts) as Electron's application menu.
import { Menu, type MenuItemConstructorOptions } from "electron";
import type { MenuAction, MenuNode } from "../node/desktop/menuModel";

export function buildMenu(nodes: readonly MenuNode[], perform: (action: MenuAction) => void): Menu {
  const convert = (node: MenuNode): MenuItemConstructorOptions => {
    switch (node.type) {
      case "separator":
        return { type: "separator" };
      case "submenu":
        return { label: node.label, submenu: node.items.map(convert) };
      case "item":
        return {
          label: node.label,
          ...(node.accelerator !== undefined ? { accelerator: node.accelerator } : {}),
          enabled: node.enabled ?? true,
          click: () => perform(node.action),
        };
    }
  };
  return Menu.buildFromTemplate(nodes.map(convert));
}
