import type { AppEnv } from "../../lib/types.ts";

/** The session set by requireSession; reaching a /me handler without one is a wiring bug. */
export function sessionOf(c: { get(key: "session"): AppEnv["Variables"]["session"] }) {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  return session.data;
}
