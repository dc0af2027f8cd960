import { availableParallelism } from "node:os";
import PQueue from "p-queue";
import { AppError } from "./errors.ts";

export interface HashGateOptions {
  /** argon2 evaluations running at once (each holds one libuv thread and one core for ~8 ms). */
  concurrency: number;
  /** Evaluations waiting for a slot; beyond it a new one is refused at once (503 `busy`). */
  maxQueue: number;
  /**
   * The longest a request waits in total, for its customer's turn and then for a slot, before
   * it is refused (429 / 503). Must stay well below the BFF's CORE_TIMEOUT_MS.
   */
  maxWaitMs: number;
  /** Requests of one key waiting behind the one in flight; beyond it 429 `attempt_in_progress`. */
  maxQueuePerKey: number;
}

/** Leaves one core to the event loop and the database; at least one evaluation at a time. */
export function defaultHashConcurrency(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * Admission control for password hashing (issue 12): every argon2 evaluation in core runs
 * through one gate, so a flood of wrong passwords cannot take every core (nor, waiting, every
 * request) away from other customers.
 *
 * - `exclusive(key, task)`: at most one task per key (a customer) in flight; a few wait their
 *   turn in order, more are refused with 429. The whole attempt runs inside, so the next one
 *   sees the settled count (a ninth failure locks before the tenth try is looked at).
 * - `hash(task)`: at most `concurrency` evaluations at once, a bounded queue before them, and
 *   a bounded wait; beyond either, 503.
 *
 * A refused request has done nothing: the refusal happens before the task starts. The
 * queues are p-queue's; what this adds is the per-key map, the bounds and the deadline that
 * removes a request from a queue only while it is still waiting (p-queue's own abort would
 * also reject a task already running and free its slot early).
 */
export class HashGate {
  readonly options: HashGateOptions;
  readonly #slots: PQueue;
  readonly #keys = new Map<string, PQueue>();
  /** Evaluations started, by outcome of admission; for tests and the bench's report. */
  readonly counts = { evaluated: 0, refusedBusy: 0, refusedInProgress: 0 };

  constructor(options: HashGateOptions) {
    for (const [k, v] of Object.entries(options)) {
      if (!Number.isInteger(v) || v < (k === "maxQueue" || k === "maxQueuePerKey" ? 0 : 1)) {
        throw new Error(`hash gate: ${k} must be a positive integer`);
      }
    }
    this.options = options;
    this.#slots = new PQueue({ concurrency: options.concurrency });
  }

  /** Work of this key in flight or waiting (0 when idle). */
  inFlight(key: string): number {
    const q = this.#keys.get(key);
    return q ? q.pending + q.size : 0;
  }

  /** Evaluations running and waiting for a slot. */
  get load() {
    return { running: this.#slots.pending, waiting: this.#slots.size };
  }

  /**
   * Runs `task` as the only one of `key` in flight; `task` gets the request's deadline (a
   * `performance.now()` instant, default maxWaitMs from now) to pass on to `hash`, so one
   * request's waits add up to at most maxWaitMs.
   */
  exclusive<T>(
    key: string,
    task: (deadline: number) => Promise<T>,
    deadline = performance.now() + this.options.maxWaitMs,
  ): Promise<T> {
    let q = this.#keys.get(key);
    if (!q) {
      const created = new PQueue({ concurrency: 1 });
      created.on("idle", () => {
        if (this.#keys.get(key) === created && created.size === 0 && created.pending === 0) this.#keys.delete(key);
      });
      this.#keys.set(key, created);
      q = created;
    }
    if (q.size >= this.options.maxQueuePerKey && q.pending > 0) {
      this.counts.refusedInProgress++;
      return Promise.reject(inProgress());
    }
    return waitInQueue(
      q,
      deadline,
      inProgress,
      () => this.counts.refusedInProgress++,
      () => task(deadline),
    );
  }

  /** Runs one hash evaluation in a slot, waiting at most until `deadline` (default: maxWaitMs from now). */
  hash<T>(task: () => Promise<T>, deadline = performance.now() + this.options.maxWaitMs): Promise<T> {
    if (this.#slots.size >= this.options.maxQueue && this.#slots.pending >= this.options.concurrency) {
      this.counts.refusedBusy++;
      return Promise.reject(this.#busy());
    }
    return waitInQueue(
      this.#slots,
      deadline,
      () => this.#busy(),
      () => this.counts.refusedBusy++,
      () => {
        this.counts.evaluated++;
        return task();
      },
    );
  }

  #busy() {
    return new AppError("busy", 503, { retryAfterSeconds: Math.max(1, Math.ceil(this.options.maxWaitMs / 1000)) });
  }
}

const inProgress = () => new AppError("attempt_in_progress", 429, { retryAfterSeconds: 1 });

/**
 * Adds `task` to `queue`, refusing it with `refusal()` if it has not started by `deadline`.
 * The timer is cleared the moment the task starts, so a running task is never abandoned.
 */
function waitInQueue<T>(
  queue: PQueue,
  deadline: number,
  refusal: () => AppError,
  onRefused: () => void,
  task: () => Promise<T>,
): Promise<T> {
  const remaining = deadline - performance.now();
  if (remaining <= 0) {
    onRefused();
    return Promise.reject(refusal());
  }
  const controller = new AbortController();
  const timer = setTimeout(() => {
    onRefused();
    controller.abort(refusal());
  }, remaining);
  return queue.add(
    () => {
      clearTimeout(timer);
      return task();
    },
    { signal: controller.signal },
  );
}
