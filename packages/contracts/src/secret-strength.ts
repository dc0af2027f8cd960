/**
 * Production refuses secrets a person made up: a configured credential or key must look like
 * the output of a random generator (e.g. `openssl rand -base64 32`). The rules are simple on
 * purpose, so an operator can tell from the message what to change:
 *
 * - labelled values (`dev-only-…`, `e2e-only-…`, `change-me`, …) are refused outright;
 * - one repeated character or byte, or a short pattern repeated (`abab…`), is refused;
 * - too few distinct characters (tokens: 10) or bytes (keys: 16) is refused;
 * - the estimated entropy, length × the Shannon entropy of the value's own characters (or
 *   bytes), must reach 128 bits. The estimate is conservative: 32 random bytes pass as base64
 *   (≈ 180 bits estimated), hex (≈ 220) or raw (≈ 150), while 16 bytes in hex (≈ 115) do not.
 * - a raw key whose bytes are all printable ASCII is text (a passphrase), not random bytes.
 */

export const MIN_SECRET_BITS = 128;
const MIN_TOKEN_DISTINCT = 10;
const MIN_KEY_DISTINCT = 16;

/** Words that mark a value as not meant for production (this repository labels its test values so). */
const LABELLED = /(?:dev|test|e2e|bench|demo)[-_ ]?only|change[-_ ]?me|example|placeholder/i;

/** Why a token (bearer credential) is too weak for production, or null when it is acceptable. */
export function weakTokenReason(value: string): string | null {
  if (LABELLED.test(value)) return "is a labelled development/test value, not a production secret";
  return weakness([...value], "character", MIN_TOKEN_DISTINCT);
}

/** Why a raw key (e.g. 32 bytes decoded from base64) is too weak for production, or null. */
export function weakKeyReason(key: Uint8Array): string | null {
  const reason = weakness([...key], "byte", MIN_KEY_DISTINCT);
  if (reason) return reason;
  // 32 random bytes are all printable ASCII with probability (95/256)^32 ≈ 1e-14.
  if (key.every((b) => b >= 0x20 && b <= 0x7e)) return "is text, not random bytes (decode it: it reads as ASCII)";
  return null;
}

/** Estimated entropy in bits: length × Shannon entropy of the symbols' own frequencies. */
export function estimatedBits(symbols: readonly unknown[]): number {
  const counts = new Map<unknown, number>();
  for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + 1);
  let perSymbol = 0;
  for (const count of counts.values()) {
    const p = count / symbols.length;
    perSymbol -= p * Math.log2(p);
  }
  return perSymbol * symbols.length;
}

function weakness<T>(symbols: readonly T[], unit: "character" | "byte", minDistinct: number): string | null {
  const distinct = new Set(symbols).size;
  if (distinct <= 1) return `is one repeated ${unit}`;
  const period = shortestPeriod(symbols);
  if (period <= symbols.length / 2) return `repeats a pattern of ${period} ${unit}s`;
  if (distinct < minDistinct) return `has only ${distinct} distinct ${unit}s (at least ${minDistinct})`;
  const bits = estimatedBits(symbols);
  if (bits < MIN_SECRET_BITS) {
    return `is too predictable: about ${Math.floor(bits)} bits estimated, at least ${MIN_SECRET_BITS} (use 32 random bytes, e.g. openssl rand -base64 32)`;
  }
  return null;
}

/** The smallest p with s[i] = s[i - p] for every i ≥ p (KMP failure function); s.length if none. */
function shortestPeriod<T>(s: readonly T[]): number {
  const failure = new Array<number>(s.length).fill(0);
  for (let i = 1, k = 0; i < s.length; i++) {
    while (k > 0 && s[i] !== s[k]) k = failure[k - 1] ?? 0;
    if (s[i] === s[k]) k++;
    failure[i] = k;
  }
  return s.length - (failure[s.length - 1] ?? 0);
}
