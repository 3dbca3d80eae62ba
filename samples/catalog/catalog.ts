// What each sample is, what to look for in its timeline and how it must end.
// The programs themselves are plain runtime programs at the top of samples/
// (samples/<id>.ts), kept free of metadata so they read like the Go original.

export type SampleEnding = "ok" | "deadlock" | "leak" | "unfinished" | "panic";

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
      "main spawns three greeters and parks on wg.wait(). Each greeter takes its time (10, 20, 30 ms), drops its greeting into a buffered channel, calls done() and exits: the WaitGroup counter in the inspector falls 3 → 0, and only the last done() wakes main, which then reads the three greetings.",
    ending: "ok",
  },
  {
    id: "unbuffered-handoff",
    title: "Unbuffered handoff (ping-pong)",
    pattern: "rendezvous on an unbuffered channel",
    lookFor:
      "ping and pong pass a ball back and forth over two unbuffered channels, each holding it for 10 ms. While one holds the ball the other is blocked on chan receive, so the lanes alternate, and each arrow goes straight from a send to the receive that took it, with no buffer in between. After three serves ping closes its channel and pong's range ends.",
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
      "main queues nine jobs (the buffer holds them all) and closes jobs; the three workers each take one, work for 1 s and send the doubled value to results. jobs drains three at a time while main collects all nine results. Each job is processed by exactly one worker.",
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
      "a feeder fills a queue of capacity 3 with twelve images and blocks whenever it is full; five workers pull from it, and each image spends time in resize and then compress (shown as sleeping, longer for bigger files). The queue never holds more than its capacity; a closer closes processed once every worker is done, which ends main's range.",
    ending: "ok",
  },
  {
    id: "price-aggregator",
    title: "Stock price aggregator",
    pattern: "watchers fan into one channel until a context deadline",
    lookFor:
      "NYSE, NASDAQ and LSE push price updates at their own pace (every 150, 220 and 370 ms) into one channel; the aggregator selects on updates and ctx.done(). When the 1 s deadline fires, the context's done channel closes and every goroutine returns cleanly.",
    ending: "ok",
  },
  {
    id: "fetch-with-timeout",
    title: "Fetch with timeout",
    pattern: "select on a result vs. after(timeout)",
    lookFor:
      "the fast call's result (50 ms) wins its select; the slow call (300 ms) loses to the 100 ms timer. Its fetcher still sends into the buffered result channel at 350 ms and exits (main waits for it on a WaitGroup), so nothing leaks.",
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
      "three workers do periodic work (every 70, 140 and 210 ms) while selecting on ctx.done(). At the 500 ms timeout the context is cancelled, its done channel closes, and every worker observes it at once and exits.",
    ending: "ok",
  },
  {
    id: "pipeline",
    title: "Pipeline",
    pattern: "generate → square → filter odds → print",
    lookFor:
      "generate sends 1 to 10, 10 ms apart; each stage is a goroutine that ranges over its input and closes its output. Values flow stage to stage, main prints the odd squares 1, 9, 25, 49, 81, and the closes cascade down the pipeline at the end.",
    ending: "ok",
  },
  {
    id: "fan-out-fan-in",
    title: "Fan-out, fan-in",
    pattern: "four workers, merged with a WaitGroup that closes the output",
    lookFor:
      "one input channel feeds four workers (fan-out); merge copies each worker's output into one channel through one goroutine per worker (fan-in), and a closer goroutine closes it once the WaitGroup reaches zero.",
    ending: "ok",
  },
  {
    id: "mutex-counter",
    title: "Mutex counter",
    pattern: "50 goroutines increment under a Mutex; readers and a writer on an RWMutex",
    lookFor:
      "fifty goroutines queue on the mutex (blocked on sync.Mutex.Lock) and take it one at a time, each for 1 ms; the final count is exactly 50. In the RWMutex part three readers share the lock, while the writer, arriving 5 ms later, waits until all of them are out.",
    ending: "ok",
  },
  {
    id: "parallel-downloader",
    title: "Parallel downloader",
    pattern: "worker pool with a progress channel",
    lookFor:
      "three workers download five simulated files chunk by chunk and report progress on a progress channel that main drains; every file reaches 100%, and a closer closes progress once the workers are done.",
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
      "alice and bob greet each other over their inboxes a and b, then each waits for the other to speak first: alice waits to receive on `a` before sending on `b`; bob waits on `b` before sending on `a`. The wait-for graph shows the cycle alice → a → bob → b → alice; main waits on the WaitGroup.",
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
      "the caller's select takes the 100 ms timeout and main goes on with other work; at 200 ms the fetcher tries to send its result on an unbuffered channel nobody will ever read. When main returns it is reported as leaked, blocked on chan send.",
    ending: "leak",
  },
  {
    id: "panic-send-on-closed",
    title: "Panic: send on closed channel",
    pattern: "a producer sends after another goroutine closed the channel",
    lookFor:
      "the closer closes the channel at 25 ms while the producer is still running; main's range ends, and the producer's next send panics with \"send on closed channel\" and the run ends.",
    ending: "panic",
  },
  {
    id: "premature-exit",
    title: "Main exits too early",
    pattern: "main returns before its goroutines finish",
    lookFor:
      "main starts three workers, does 50 ms of its own work and returns without waiting for them. The run ends there: worker 1 (40 ms) made it, workers 2 and 3 are cut off mid-sleep: main returned early.",
    ending: "unfinished",
  },
  {
    id: "lock-order-deadlock",
    title: "Lock-order deadlock",
    pattern: "two goroutines take two mutexes in opposite orders",
    lookFor:
      "alice pays bob locks alice.mu, checks the balance for 10 ms, then locks bob.mu; bob pays alice starts 10 ms later and takes the locks in the opposite order. With fifo, alice's transfer reaches bob.mu first at 10 ms, so the run completes. Under the random strategy some seeds let bob's transfer go first at that instant: each then holds one mutex and waits for the other's.",
    ending: "ok",
    deadlockSeed: 1,
  },
]);

export function sampleById(id: string): SampleMeta | undefined {
  return SAMPLES.find((s) => s.id === id);
}
