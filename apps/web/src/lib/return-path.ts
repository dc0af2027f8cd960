/** Where the SPA is served from; only used to parse, never to build a link. */
const BASE = "https://kakunin.invalid";

/**
 * The screen to go back to after logging in again (`/login?returnTo=…`), or undefined when
 * `raw` is not one of ours. The value comes from the URL, so anyone can craft it: only a
 * same-origin path is taken (no scheme, no `//host`, no backslash that browsers read as `/`),
 * whose path is one of `allowed` and not the login screen itself (no open redirect, no loop).
 */
export function safeReturnPath(raw: string | null | undefined, allowed: readonly string[]): string | undefined {
  if (!raw?.startsWith("/") || raw.startsWith("//") || /[\\\s]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  if (!allowed.includes(url.pathname)) return undefined;
  return `${url.pathname}${url.search}`;
}
