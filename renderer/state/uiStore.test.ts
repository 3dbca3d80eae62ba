import { describe, expect, it } from "vitest";
import { UiStore } from "./uiStore";

describe("the store", () => {
  it("applies each action at once and tells its listeners", () => {
    const store = new UiStore();
    let heard = 0;
    store.subscribe(() => heard++);
    store.dispatch({ type: "panel/toggled", panel: "source" });
    expect(store.getState().ui.panels.source).toBe(false);
    expect(heard).toBe(1);
  });

  it("keeps its state and stays quiet when an action changes nothing", () => {
    const store = new UiStore();
    const before = store.getState();
    let heard = 0;
    const unsubscribe = store.subscribe(() => heard++);
    store.dispatch({ type: "playhead/jumpedToEnd" });
    expect(store.getState()).toBe(before);
    unsubscribe();
    store.dispatch({ type: "panel/toggled", panel: "source" });
    expect(heard).toBe(0);
  });
});
