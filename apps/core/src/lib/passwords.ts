import { hash, verify } from "@node-rs/argon2";

/** OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~8 ms here, see bench/. */
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

/** argon2's verify compares digests in constant time. */
export function verifyPassword(phc: string, plain: string): Promise<boolean> {
  return verify(phc, plain);
}

// A hash of a random value, verified against when the customer code is unknown, so a
// wrong code costs the same time as a wrong password and codes cannot be enumerated.
let dummyHash: Promise<string> | undefined;
export async function burnVerification(plain: string): Promise<false> {
  dummyHash ??= hash(crypto.randomUUID(), options);
  await verify(await dummyHash, plain);
  return false;
}
