// The window's state in one place outside React: the reducer applied to each
// action as it is dispatched, so the host session reads the state as it is
// now, not as of the last render. React follows it with useSyncExternalStore.

import type { UiAction } from "./actions";
import { uiReducer } from "./uiReducer";
import { INITIAL_STATE, type AppState } from "./uiState";

export class UiStore {
  private state: AppState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: AppState = INITIAL_STATE) {
    this.state = initial;
  }

  readonly getState = (): AppState => this.state;

  readonly dispatch = (action: UiAction): void => {
    const next = uiReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
