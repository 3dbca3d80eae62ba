// Listeners of one kind of host event (run batches, menu commands…), for the
// preload and the web host alike.
import type { Unsubscribe } from "../contract/hostApi";

export interface ListenerSetOptions {
  /**
   * Keep what is emitted while nobody listens and hand it to the first
   * listener: a command main sends while the renderer is still mounting (a
   * file from the command line) must not be lost.
   */
  readonly keepUntilListened?: boolean;
}

export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();
  private kept: T[] | undefined;

  constructor(options: ListenerSetOptions = {}) {
    this.kept = options.keepUntilListened === true ? [] : undefined;
  }

  get size(): number {
    return this.listeners.size;
  }

  add(listener: (value: T) => void): Unsubscribe {
    // A wrapper per subscription, so the same function subscribed twice is unsubscribed once each.
    const entry = (value: T): void => listener(value);
    this.listeners.add(entry);
    const kept = this.kept;
    if (kept !== undefined) {
      this.kept = undefined;
      for (const value of kept) this.call(entry, value);
    }
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    if (this.listeners.size === 0) {
      this.kept?.push(value);
      return;
    }
    for (const listener of [...this.listeners]) this.call(listener, value);
  }

  private call(listener: (value: T) => void, value: T): void {
    try {
      listener(value);
    } catch (err) {
      // One failing listener must not keep the others from hearing the event; report it out of band.
      queueMicrotask(() => {
        throw err;
      });
    }
  }
}
