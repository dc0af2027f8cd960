import type { ChildProcess } from "node:child_process";

// A PostgreSQL database of the run's own: the same helper core's server-mode tests use.
export { createScratchDatabase } from "@kakunin/core/src/test/scratch-database.ts";

/**
 * Waits until `url` answers at all (any status) — a started core or BFF is listening. With
 * `child`, gives up at once when that server has exited instead of waiting out the timeout.
 */
export async function waitFor(url: string, options: { child?: ChildProcess; timeoutMs?: number } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    const exitCode = options.child?.exitCode ?? null;
    if (exitCode !== null) throw new Error(`${url}: the server exited with ${exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not come up`);
}
