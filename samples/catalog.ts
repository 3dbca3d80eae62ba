// What each sample is, what to look for in its timeline and how it must end.
// The programs themselves are plain runtime programs beside this file
// (samples/<id>.ts), kept free of metadata so they read like the Go original.

export type SampleEnding = "ok" | "deadlock" | "leak" | "panic";

export interface SampleMeta {
  readonly id: string;
  readonly title: string;
  /** The concurrency pattern it shows, in a few words. */
  readonly pattern: string;
  /** What to look for in the timeline. */
  readonly lookFor: string;
  /** How a run with the default options (seed 1, fifo) ends. */
  readonly ending: SampleEnding;
  /** For samples whose ending depends on the schedule: a `random` seed that deadlocks. */
  readonly deadlockSeed?: number;
}

export const SAMPLES: readonly SampleMeta[] = Object.freeze([
  {
    id: "hello-goroutine",
    title: "Hello, goroutine",
    pattern: "spawn and wait with a WaitGroup",
    lookFor:
      "main spawns three goroutines and parks on wg.wait(); each greeter runs, calls done(), and exits. main wakes only after the last done(): the WaitGroup counter in the inspector falls 3 → 0.",
    ending: "ok",
  },
  {
    id: "unbuffered-handoff",
    title: "Unbuffered handoff (ping-pong)",
    pattern: "rendezvous on an unbuffered channel",
    lookFor:
      "ping and pong take turns: every send blocks until the other side receives, so the lanes alternate blocked/running and each arrow goes straight from a send to the receive that took it.",
    ending: "ok",
  },
  {
    id: "buffered-channel",
    title: "Buffered channel (capacity 3)",
    pattern: "a buffer absorbs sends until it is full",
    lookFor:
      "the first three sends don't block: watch the buffer fill 1, 2, 3. The fourth send blocks main until the consumer wakes up and takes the head; then the blocked value joins the tail.",
    ending: "ok",
  },
  {
    id: "producer-consumer",
    title: "Producer and consumer",
    pattern: "range over a channel until it is closed",
    lookFor:
      "the producer sends five values 10 ms apart and closes the channel; the consumer's range loop receives each as it comes and ends when it sees the close.",
    ending: "ok",
  },
  {
    id: "worker-pool",
    title: "Worker pool",
    pattern: "3 workers share a buffered job queue",
    lookFor:
      "the three workers take turns on jobs; jobs drains while results fills, and main collects all nine results. Each job is processed by exactly one worker.",
    ending: "ok",
  },
  {
    id: "web-scraper",
    title: "Concurrent web scraper",
    pattern: "one goroutine per URL, results fanned into one channel",
    lookFor:
      "every fetcher sleeps for its own simulated latency, then sends its result; they arrive in order of latency, not of the URL list, and main collects every one.",
    ending: "ok",
  },
  {
    id: "image-pipeline-pool",
    title: "Image processing pool",
    pattern: "5 workers resize and compress images from a job queue",
    lookFor:
      "five workers pull images from the queue; each image spends time in resize and then compress. Busy workers show as sleeping (simulated work); the queue never holds more than its capacity.",
    ending: "ok",
  },
  {
    id: "price-aggregator",
    title: "Stock price aggregator",
    pattern: "watchers fan into one channel until a context deadline",
    lookFor:
      "NYSE, NASDAQ and LSE push price updates at their own pace into one channel; the aggregator selects on updates and ctx.done(). When the deadline fires, the context's done channel closes and every goroutine returns cleanly.",
    ending: "ok",
  },
  {
    id: "fetch-with-timeout",
    title: "Fetch with timeout",
    pattern: "select on a result vs. after(timeout)",
    lookFor:
      "the fast call's result wins the select; the slow call loses to the timer. Its fetcher still sends into the buffered result channel, so it exits and nothing leaks.",
    ending: "ok",
  },
  {
    id: "select-multiplex",
    title: "Select multiplexing",
    pattern: "select in a loop over two channels",
    lookFor:
      "two goroutines become ready at 100 ms and 200 ms; main's select blocks, then fires the case whose channel is ready, once for each.",
    ending: "ok",
  },
  {
    id: "context-cancel",
    title: "Cancellation with context",
    pattern: "workers loop on ctx.done(); a timeout cancels them all",
    lookFor:
      "three workers do periodic work while checking ctx.done(). At the timeout the context is cancelled, its done channel closes, and every worker observes it and exits.",
    ending: "ok",
  },
  {
    id: "pipeline",
    title: "Pipeline",
    pattern: "generate → square → filter odds → print",
    lookFor:
      "each stage is a goroutine that ranges over its input and closes its output; values flow stage to stage, and the closes cascade down the pipeline at the end.",
    ending: "ok",
  },
  {
    id: "fan-out-fan-in",
    title: "Fan-out, fan-in",
    pattern: "four workers, merged with a WaitGroup that closes the output",
    lookFor:
      "one input channel feeds four workers (fan-out); merge copies each worker's output into one channel (fan-in) and a closer goroutine closes it once the WaitGroup reaches zero.",
    ending: "ok",
  },
  {
    id: "mutex-counter",
    title: "Mutex counter",
    pattern: "50 goroutines increment under a Mutex; readers and a writer on an RWMutex",
    lookFor:
      "goroutines queue on the mutex (blocked on sync.Mutex.Lock) and take it one at a time; the final count is exactly 50. In the RWMutex part, readers share the lock while the writer waits for them.",
    ending: "ok",
  },
  {
    id: "parallel-downloader",
    title: "Parallel downloader",
    pattern: "worker pool with a progress channel",
    lookFor:
      "workers download simulated files in chunks and report progress on a progress channel that main drains; every file reaches 100%.",
    ending: "ok",
  },
  {
    id: "select-default",
    title: "Non-blocking operations",
    pattern: "select with default",
    lookFor:
      "a receive with default finds nothing and falls through at once; a send with default succeeds while the buffer has room and falls through when it is full. Nothing ever blocks.",
    ending: "ok",
  },
  {
    id: "deadlock-no-receiver",
    title: "Deadlock: nobody receives",
    pattern: "send on an unbuffered channel with no receiver",
    lookFor:
      "main sends on an unbuffered channel nobody receives from. It blocks on chan send, no other goroutine exists, and the runtime reports: all goroutines are asleep.",
    ending: "deadlock",
  },
  {
    id: "deadlock-range-without-close",
    title: "Deadlock: range without close",
    pattern: "the producer forgets to close",
    lookFor:
      "the producer sends three values and returns without closing. The consumer's range waits for a fourth value or a close that never comes; main waits for the consumer.",
    ending: "deadlock",
  },
  {
    id: "deadlock-circular",
    title: "Deadlock: circular wait",
    pattern: "two goroutines each wait to receive from the other",
    lookFor:
      "alice waits to receive on `a` before sending on `b`; bob waits on `b` before sending on `a`. The wait-for graph shows the cycle alice → a → bob → b → alice.",
    ending: "deadlock",
  },
  {
    id: "deadlock-waitgroup",
    title: "Deadlock: WaitGroup never reaches zero",
    pattern: "Add(3) but only two Done",
    lookFor:
      "main adds 3 but starts only two workers; after both call done() the counter is stuck at 1 and main waits forever on wg.wait().",
    ending: "deadlock",
  },
  {
    id: "leak-timeout",
    title: "Leak: timeout with an unbuffered result",
    pattern: "the caller times out; the fetcher is stuck sending forever",
    lookFor:
      "the caller's select takes the timeout and main returns; the fetcher then tries to send its result on an unbuffered channel nobody will ever read. It is reported as leaked at exit, blocked on chan send.",
    ending: "leak",
  },
  {
    id: "panic-send-on-closed",
    title: "Panic: send on closed channel",
    pattern: "a producer sends after another goroutine closed the channel",
    lookFor:
      "the closer closes the channel while a producer is still running; the producer's next send panics with \"send on closed channel\" and the run ends.",
    ending: "panic",
  },
  {
    id: "premature-exit",
    title: "Main exits too early",
    pattern: "main returns before its goroutines finish",
    lookFor:
      "main starts workers and returns without waiting. The run ends at once; the workers are cut off mid-sleep and reported as leaked.",
    ending: "leak",
  },
  {
    id: "lock-order-deadlock",
    title: "Lock-order deadlock",
    pattern: "two goroutines take two mutexes in opposite orders",
    lookFor:
      "with fifo, one goroutine takes both locks before the other starts, so the run completes. Under the random strategy some seeds interleave them: each holds one mutex and waits for the other's.",
    ending: "ok",
    deadlockSeed: 0,
  },
]);

export function sampleById(id: string): SampleMeta | undefined {
  return SAMPLES.find((s) => s.id === id);
}
