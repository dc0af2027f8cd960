import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { defaultHashConcurrency, HashGate, type HashGateOptions } from "./hash-gate.ts";

const generous: HashGateOptions = { concurrency: 2, maxQueue: 100, maxWaitMs: 60_000, maxQueuePerKey: 100 };

/** A task that runs until released, recording that it started. */
function blocker() {
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  const state = { started: false, release };
  const task = async () => {
    state.started = true;
    await released;
    return "done";
  };
  return Object.assign(state, { task });
}

/** Lets queued promise callbacks run (p-queue starts the next task in a microtask). */
const settle = () => new Promise<void>((r) => setImmediate(r));

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("hash gate", () => {
  it("runs at most `concurrency` evaluations at once; the rest wait their turn in order", async () => {
    const gate = new HashGate(generous);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const blockers = Array.from({ length: 5 }, () => blocker());
    const done = blockers.map((b, i) =>
      gate.hash(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await b.task();
        running--;
        return i;
      }),
    );
    await settle();
    expect(blockers.map((b) => b.started)).toEqual([true, true, false, false, false]);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    for (const b of blockers) b.release();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(gate.counts.evaluated).toBe(5);
  });

  it("refuses with 503 busy and Retry-After once the queue is full, without running the task", async () => {
    const gate = new HashGate({ ...generous, concurrency: 1, maxQueue: 1, maxWaitMs: 3_000 });
    const first = blocker();
    const second = blocker();
    const third = blocker();
    const running = gate.hash(first.task);
    const waiting = gate.hash(second.task);
    const err = await refusal(gate.hash(third.task));
    expect(err.code).toBe("busy");
    expect(err.status).toBe(503);
    expect(err.extra.retryAfterSeconds).toBe(3);
    expect(third.started).toBe(false);
    first.release();
    second.release();
    await Promise.all([running, waiting]);
    expect(gate.counts).toMatchObject({ evaluated: 2, refusedBusy: 1 });
  });

  it("refuses a request that waited past its deadline, and never abandons one already running", async () => {
    const gate = new HashGate({ ...generous, concurrency: 1, maxWaitMs: 30 });
    const first = blocker();
    const late = blocker();
    const running = gate.hash(first.task);
    const err = await refusal(gate.hash(late.task));
    expect(err.code).toBe("busy");
    expect(late.started).toBe(false);
    // The first task is past the deadline too, but it started in time: it keeps its slot.
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    const next = blocker();
    const queued = gate.hash(next.task, performance.now() + 60_000);
    await settle();
    expect(next.started).toBe(false);
    first.release();
    expect(await running).toBe("done");
    await settle();
    expect(next.started).toBe(true);
    next.release();
    await queued;
    expect(late.started).toBe(false);
  });

  it("runs one task per key at a time, others of that key in order, other keys alongside", async () => {
    const gate = new HashGate(generous);
    const a1 = blocker();
    const a2 = blocker();
    const b1 = blocker();
    const p1 = gate.exclusive("a", a1.task);
    const p2 = gate.exclusive("a", a2.task);
    const p3 = gate.exclusive("b", b1.task);
    await settle();
    expect([a1.started, a2.started, b1.started]).toEqual([true, false, true]);
    expect(gate.inFlight("a")).toBe(2);
    a1.release();
    await p1;
    await settle();
    expect(a2.started).toBe(true);
    a2.release();
    b1.release();
    await Promise.all([p2, p3]);
    await settle();
    // Idle keys are forgotten: the map does not grow with every customer ever seen.
    expect(gate.inFlight("a")).toBe(0);
    expect(gate.inFlight("b")).toBe(0);
  });

  it("refuses a key's request with 429 attempt_in_progress beyond its queue, without running it", async () => {
    const gate = new HashGate({ ...generous, maxQueuePerKey: 1 });
    const first = blocker();
    const second = blocker();
    const third = blocker();
    const p1 = gate.exclusive("customer", first.task);
    const p2 = gate.exclusive("customer", second.task);
    const err = await refusal(gate.exclusive("customer", third.task));
    expect(err).toMatchObject({ code: "attempt_in_progress", status: 429, extra: { retryAfterSeconds: 1 } });
    expect(third.started).toBe(false);
    // Another customer is not affected.
    const other = blocker();
    const p4 = gate.exclusive("other", other.task);
    await settle();
    expect(other.started).toBe(true);
    for (const b of [first, second, other]) b.release();
    await Promise.all([p1, p2, p4]);
    expect(gate.counts.refusedInProgress).toBe(1);
  });

  it("a key's waits and the slot's wait share one deadline", async () => {
    const gate = new HashGate({ ...generous, concurrency: 1, maxWaitMs: 40 });
    const holder = blocker();
    const running = gate.hash(holder.task);
    const evaluated = blocker();
    let deadlineSeen = 0;
    const attempt = gate.exclusive("customer", (deadline) => {
      deadlineSeen = deadline;
      return gate.hash(evaluated.task, deadline);
    });
    const err = await refusal(attempt);
    expect(err.code).toBe("busy");
    expect(evaluated.started).toBe(false);
    expect(deadlineSeen).toBeGreaterThan(0);
    holder.release();
    await running;
  });

  it("keeps one core for the event loop and the database by default", () => {
    expect(defaultHashConcurrency(1)).toBe(1);
    expect(defaultHashConcurrency(2)).toBe(1);
    expect(defaultHashConcurrency(8)).toBe(7);
    expect(() => new HashGate({ ...generous, concurrency: 0 })).toThrow(/concurrency/);
  });
});
