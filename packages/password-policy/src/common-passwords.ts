/**
 * The common-password list of SPEC R3/R7 ("よく使われるパスワード"): the 49,233 entries of
 * `@zxcvbn-ts/language-common` v4 (`dictionary["passwords-common"]`, drawn from leaked-password
 * frequency lists; all ASCII and already lowercase). Server side only: the list is ~380 kB,
 * so the SPA must not import this module (it uses `./rules` for hints; core has the final say).
 *
 * The package decompresses the list when it is imported (~20 ms); the Set is built on the
 * first check (~5 ms) and reused, so a process pays for it once.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

let commonPasswords: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  // Lowercased defensively: matching is case-insensitive even if a future list has capitals.
  commonPasswords ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return commonPasswords;
}

/** True when the candidate, lowercased, is on the list ("Password1" matches "password1"). */
export function isCommonPassword(candidate: string): boolean {
  return load().has(candidate.toLowerCase());
}

/** Number of distinct entries (49,233 with language-common 4.1.3). A function so it stays lazy. */
export function commonPasswordCount(): number {
  return load().size;
}
