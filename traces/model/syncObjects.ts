// Sync objects (Mutex, RWMutex, WaitGroup, Once) over the whole trace. Who holds
// and who waits at a given moment is in stateAt; here is what does not depend on
// the moment: identity, the WaitGroup counter's history, and who used each.

import type { EventIndex, GoroutineId, ObjectId, SyncType } from "../events";
import { NONE, type EventColumns } from "./columns";
import { SeriesRecorder, type StepSeries, type User } from "./channels";
import { refAt, type EventRef } from "./eventRef";

export interface SyncObjectInfo {
  readonly id: ObjectId;
  readonly type: SyncType;
  readonly name: string | undefined;
  readonly made: EventRef | undefined;
  readonly madeBy: GoroutineId | undefined;
  /** WaitGroup: the counter after each Add/Done. */
  readonly counter: StepSeries | undefined;
  /**
   * Goroutines that used it, in order of first use: lock/unlock (mutexes),
   * Add/Done (WaitGroup: the ones that could still bring the counter to zero), Do (Once).
   */
  readonly users: readonly User[];
  /**
   * WaitGroup: goroutines started by a goroutine that had raised the counter,
   * while it was above zero, in order of start. The trace does not say who will
   * call Done; these are the ones the Add was most likely for.
   */
  readonly counted: readonly User[];
}

export class SyncObjectRecord {
  type: SyncType = "Mutex";
  name: string | undefined;
  made = NONE;
  madeBy = NONE;
  private counter: SeriesRecorder | undefined;
  readonly users: User[] = [];
  private readonly userSet = new Set<number>();
  private readonly counted: User[] = [];
  /** WaitGroup: the counter now (while the trace is being read). */
  value = 0;

  constructor(readonly id: ObjectId) {}

  use(g: GoroutineId, index: number): void {
    if (this.userSet.has(g)) return;
    this.userSet.add(g);
    this.users.push({ g, first: index as EventIndex });
  }

  count(index: number, value: number): void {
    this.value = value;
    (this.counter ??= new SeriesRecorder()).push(index, value);
  }

  /** g was started (at `index`) by a goroutine that raised this WaitGroup's counter. */
  startedUnder(g: GoroutineId, index: number): void {
    if (this.value > 0) this.counted.push({ g, first: index as EventIndex });
  }

  info(cols: EventColumns): SyncObjectInfo {
    return Object.freeze({
      id: this.id,
      type: this.type,
      name: this.name,
      made: this.made === NONE ? undefined : refAt(cols.t, this.made),
      madeBy: this.madeBy === NONE ? undefined : (this.madeBy as GoroutineId),
      counter: this.counter === undefined ? (this.type === "WaitGroup" ? new SeriesRecorder().view() : undefined) : this.counter.view(),
      users: Object.freeze(this.users.slice()),
      counted: Object.freeze(this.counted.slice()),
    });
  }
}
