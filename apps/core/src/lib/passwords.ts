import { hash, verify } from "@node-rs/argon2";
import { Piscina } from "piscina";

/** OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~8–18 ms here, see bench/. */
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Where argon2 runs. By default on libuv's thread pool (tests, tools); core's server moves it
 * to worker threads of lower CPU priority (`usePasswordWorkers`), so a flood of password
 * checks takes only the CPU that other requests leave (issue 12). The hash gate decides how
 * many run at once; this only decides where.
 */
let pool: Piscina | undefined;

export function usePasswordWorkers(settings: { threads: number; nice: number }): Piscina {
  pool = new Piscina({
    filename: new URL("./password-worker.mjs", import.meta.url).href,
    minThreads: settings.threads,
    maxThreads: settings.threads,
    // Workers start without the parent's loader flags: the worker is plain JavaScript.
    execArgv: [],
    workerData: { nice: settings.nice },
  });
  return pool;
}

export async function closePasswordWorkers(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}

export function hashPassword(plain: string): Promise<string> {
  return pool ? pool.run({ op: "hash", plain, options }) : hash(plain, options);
}

/** argon2's verify compares digests in constant time. */
export function verifyPassword(phc: string, plain: string): Promise<boolean> {
  return pool ? pool.run({ op: "verify", hash: phc, plain }) : verify(phc, plain);
}

// A hash of a random value, verified against when the customer code is unknown, so a
// wrong code costs the same time as a wrong password and codes cannot be enumerated.
let dummyHash: Promise<string> | undefined;
export async function burnVerification(plain: string): Promise<false> {
  dummyHash ??= hash(crypto.randomUUID(), options);
  await verifyPassword(await dummyHash, plain);
  return false;
}
