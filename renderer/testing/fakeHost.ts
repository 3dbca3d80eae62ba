// A HostApi whose every request waits for the test to answer it, in whatever
// order the test chooses, and whose events (run batches and endings, open
// progress, menu commands) the test sends. Requests the test does not care
// about can be answered by a handler instead.

import type { HostApi, MenuCommand, OpenProgress, RunBatch, RunEnded, Unsubscribe } from "../../main/contract/hostApi";

type Request = { [K in keyof HostApi]: HostApi[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof HostApi];
type Answer<M extends Request> = Awaited<ReturnType<HostApi[M]>>;
type Args<M extends Request> = Parameters<HostApi[M]>;

interface Call {
  readonly method: Request;
  readonly args: readonly unknown[];
  answered: boolean;
  // A promise's own resolve and reject: they need no `this`, and are passed on as they are.
  resolve(this: void, value: unknown): void;
  reject(this: void, error: unknown): void;
}

class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): Unsubscribe {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const listener of this.set) listener(value);
  }
  get size(): number {
    return this.set.size;
  }
}

export class FakeHost implements HostApi {
  private readonly calls: Call[] = [];
  private readonly handlers = new Map<Request, (...args: never[]) => Promise<unknown>>();
  private readonly batches = new Listeners<RunBatch>();
  private readonly endings = new Listeners<RunEnded>();
  private readonly progress = new Listeners<OpenProgress>();
  private readonly menu = new Listeners<MenuCommand>();

  info = () => this.request("info");
  listSamples = () => this.request("listSamples");
  startRun = (...args: Args<"startRun">) => this.request("startRun", ...args);
  stopRun = (...args: Args<"stopRun">) => this.request("stopRun", ...args);
  openTrace = () => this.request("openTrace");
  openDroppedFile = (...args: Args<"openDroppedFile">) => this.request("openDroppedFile", ...args);
  openRecent = (...args: Args<"openRecent">) => this.request("openRecent", ...args);
  recentFiles = () => this.request("recentFiles");
  traceChunk = (...args: Args<"traceChunk">) => this.request("traceChunk", ...args);
  cancelOpen = () => this.request("cancelOpen");
  pickProgram = () => this.request("pickProgram");
  saveTrace = () => this.request("saveTrace");
  exportPerfetto = () => this.request("exportPerfetto");
  currentSession = () => this.request("currentSession");

  onRunBatch = (listener: (batch: RunBatch) => void) => this.batches.add(listener);
  onRunEnded = (listener: (ended: RunEnded) => void) => this.endings.add(listener);
  onOpenProgress = (listener: (progress: OpenProgress) => void) => this.progress.add(listener);
  onMenuCommand = (listener: (command: MenuCommand) => void) => this.menu.add(listener);

  /** Answers every request of `method` from now on, and those waiting, with `handler`. */
  handle<M extends Request>(method: M, handler: (...args: Args<M>) => Promise<Answer<M>>): void {
    this.handlers.set(method, handler as (...args: never[]) => Promise<unknown>);
    for (const call of this.calls) {
      if (call.method === method && !call.answered) {
        call.answered = true;
        handler(...(call.args as Args<M>)).then(call.resolve, call.reject);
      }
    }
  }

  /** Answers the oldest request of `method` still waiting. */
  answer<M extends Request>(method: M, value: Answer<M>): void {
    this.waiting(method).resolve(value);
  }

  /** Fails the oldest request of `method` still waiting. */
  fail(method: Request, error: Error): void {
    this.waiting(method).reject(error);
  }

  /** The arguments of every request of `method` so far, answered or not. */
  requests<M extends Request>(method: M): readonly Args<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args as Args<M>);
  }

  /** How many requests of `method` wait for an answer. */
  pending(method: Request): number {
    return this.calls.filter((c) => c.method === method && !c.answered).length;
  }

  sendBatch(batch: RunBatch): void {
    this.batches.emit(batch);
  }

  sendEnded(ended: RunEnded): void {
    this.endings.emit(ended);
  }

  sendProgress(progress: OpenProgress): void {
    this.progress.emit(progress);
  }

  sendMenuCommand(command: MenuCommand): void {
    this.menu.emit(command);
  }

  /** How many listeners the window has subscribed, all kinds together. */
  get listeners(): number {
    return this.batches.size + this.endings.size + this.progress.size + this.menu.size;
  }

  private request<M extends Request>(method: M, ...args: readonly unknown[]): Promise<Answer<M>> {
    return new Promise<Answer<M>>((resolve, reject) => {
      const handler = this.handlers.get(method);
      const call: Call = { method, args, answered: handler !== undefined, resolve, reject };
      this.calls.push(call);
      if (handler !== undefined) (handler as (...a: readonly unknown[]) => Promise<Answer<M>>)(...args).then(resolve, reject);
    });
  }

  private waiting(method: Request): Call {
    const call = this.calls.find((c) => c.method === method && !c.answered);
    if (call === undefined) throw new Error(`no ${method} request is waiting for an answer`);
    call.answered = true;
    return call;
  }
}

/** Lets every promise chain that can move, move (answers travel through a few `then`s). */
export async function settle(): Promise<void> {
  for (let k = 0; k < 20; k++) await new Promise((resolve) => setTimeout(resolve, 0));
}
