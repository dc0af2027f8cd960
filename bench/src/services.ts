import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";

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

/** The bench's core and BFF processes, stopped together. */
export class Servers {
  readonly children: { name: string; child: ChildProcess }[] = [];
  stopping = false;

  start(name: string, script: string, env: Record<string, string>) {
    // `node --import tsx` rather than the tsx CLI: the server is then this child itself, so
    // /proc/<pid>/stat measures its CPU (the CLI would put a wrapper process in between).
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: "inherit",
    });
    child.on("exit", (code) => {
      if (!this.stopping && code && code !== 0) console.error(`${name} exited with ${code}`);
    });
    this.children.push({ name, child });
    return child;
  }

  async stop() {
    this.stopping = true;
    await Promise.all(
      this.children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
  }
}

/** The session cookie a login set (`name=value`); the login sets the device cookie too (issue 15). */
export function sessionCookieOf(res: Response): string | undefined {
  return res.headers
    .getSetCookie()
    .map((h) => h.split(";")[0] ?? "")
    .find((c) => c.startsWith("__Host-kakunin-session="));
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** 「0.93 (0.90–0.95)」: the median and the spread of several runs; just the value for one. */
export function spread(xs: number[], digits: number) {
  const f = (x: number) => x.toFixed(digits);
  return xs.length > 1 ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : f(xs[0] ?? Number.NaN);
}

/**
 * Core's environment in every bench scenario: its test API (customers made on demand) and no
 * 認証コード at a new device's login (every bench client is a new device, issue 15; these
 * scenarios measure the password check and the session, not that code). Mail must not land in
 * anyone's MailDev: port 9 refuses, and the worker retries later.
 */
export function benchCoreEnv(options: { port: number; dataDir: string; token: string }): Record<string, string> {
  return {
    CORE_PORT: String(options.port),
    CORE_DATA_DIR: options.dataDir,
    CORE_SERVICE_TOKEN: options.token,
    CORE_TEST_API: "true",
    NEW_DEVICE_CODE_REQUIRED: "false",
    SMTP_URL: "smtp://127.0.0.1:9",
  };
}

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
