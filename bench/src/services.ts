import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";

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

/** utime + stime of one process from /proc (Linux); the servers run as plain `node` children. */
export async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (!pid) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
