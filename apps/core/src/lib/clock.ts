/**
 * Core's notion of "now". Production uses the system clock; in test mode QA can set the
 * time per customer, so scenarios before and after enforcement (R11) run in parallel.
 */
export interface Clock {
  now(customerId?: string): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  readonly #overrides = new Map<string, Date>();
  now(customerId?: string) {
    return (customerId && this.#overrides.get(customerId)) || new Date();
  }
  set(customerId: string, now: Date | null) {
    if (now) this.#overrides.set(customerId, now);
    else this.#overrides.delete(customerId);
  }
}
