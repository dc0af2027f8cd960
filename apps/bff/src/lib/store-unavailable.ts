/**
 * A shared store (Redis) could not be reached or answered nonsense. The BFF fails closed:
 * app.ts answers 503 `upstream_unavailable` (retryable) instead of skipping a session check,
 * a throttle, a single-use mark or an idempotency claim, and logs the cause.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly store: string,
    cause: unknown,
  ) {
    super(`${store} store unavailable`, { cause });
    this.name = "StoreUnavailableError";
  }
}

/** Runs one store operation, turning whatever the client throws into a StoreUnavailableError. */
export async function storeCall<T>(store: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(store, err);
  }
}
