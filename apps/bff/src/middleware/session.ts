import { BACKGROUND_REQUEST_HEADER, type Session } from "@kakunin/contracts/auth";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../lib/api-error.ts";
import type { SessionData } from "../lib/session-store.ts";
import type { AppEnv } from "../lib/types.ts";
import { localeOf } from "./locale.ts";

/** Sent as `__Host-kakunin-session`: Secure, Path=/, no Domain (R5). */
const COOKIE_NAME = "kakunin-session";

export function setSessionCookie(c: Context<AppEnv>, id: string) {
  // No Max-Age: the cookie ends with the browser; the server enforces idle/absolute limits.
  setCookie(c, COOKIE_NAME, id, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, COOKIE_NAME, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, COOKIE_NAME, "host");
}

type Lookup =
  | { status: "none" }
  | { status: "expired" }
  | { status: "revoked" }
  | { status: "active"; id: string; data: SessionData };

/** Finds the caller's session and applies the idle and absolute timeouts. */
export async function lookupSession(c: Context<AppEnv>): Promise<Lookup> {
  const id = readSessionCookie(c);
  if (!id) return { status: "none" };
  const { sessions, config, now } = c.get("deps");
  const data = await sessions.get(id);
  const t = now();
  if (!data || t - data.lastSeenAt >= config.sessionIdleMs || t - data.createdAt >= config.sessionAbsoluteMs) {
    if (data) await sessions.delete(id);
    clearSessionCookie(c);
    // Ended from another browser: say so, or the customer would think they had been idle.
    if (!data && (await sessions.wasRevoked(id))) return { status: "revoked" };
    return { status: "expired" };
  }
  return { status: "active", id, data };
}

/** Time the session may still live: the idle limit, capped by the absolute one. */
export function remainingTtl(data: SessionData, config: { sessionIdleMs: number; sessionAbsoluteMs: number }) {
  return Math.min(data.lastSeenAt + config.sessionIdleMs, data.createdAt + config.sessionAbsoluteMs) - data.lastSeenAt;
}

/**
 * What `GET /api/session` answers for a live session at `now`. Its language is the customer's;
 * a session started before the language switch has none and answers the request's.
 */
export function describeSession(c: Context<AppEnv>, data: SessionData, now = c.get("deps").now()) {
  const { config } = c.get("deps");
  return {
    authenticated: true,
    customer: { customerCode: data.customerCode, name: data.name },
    idleExpiresAt: new Date(
      Math.min(data.lastSeenAt + config.sessionIdleMs, data.createdAt + config.sessionAbsoluteMs),
    ).toISOString(),
    absoluteExpiresAt: new Date(data.createdAt + config.sessionAbsoluteMs).toISOString(),
    serverTime: new Date(now).toISOString(),
    locale: data.locale ?? localeOf(c),
  } satisfies Session;
}

/**
 * Activity extends the idle timer at most this often: the trading screens poll every few
 * seconds, and with several instances each extension is a write to Redis. The idle timeout
 * may then end up to this much early, which is on the safe side.
 */
export const SESSION_TOUCH_INTERVAL_MS = 15_000;

/** Records activity: the idle timer restarts now (the absolute limit still caps the session). */
export async function touchSession(c: Context<AppEnv>, id: string, data: SessionData): Promise<SessionData> {
  const { sessions, config, now } = c.get("deps");
  const touched = { ...data, lastSeenAt: now() };
  await sessions.set(id, touched, remainingTtl(touched, config));
  return touched;
}

/**
 * A GET the SPA marked as made without the customer (a poll or refetch after 10 s without
 * input). Only GETs: a change is always the customer's doing, whatever a header says.
 */
function isBackgroundRequest(c: Context<AppEnv>): boolean {
  return c.req.method === "GET" && c.req.header(BACKGROUND_REQUEST_HEADER) === "1";
}

/**
 * Guards customer routes: 401 `unauthenticated`, `session_expired` or `session_revoked`;
 * activity extends the idle timer, background polling does not (issue 15).
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const found = await lookupSession(c);
  if (found.status === "none") throw new ApiError("unauthenticated", 401);
  if (found.status === "expired") throw new ApiError("session_expired", 401);
  if (found.status === "revoked") throw new ApiError("session_revoked", 401);
  const { now } = c.get("deps");
  let data = found.data;
  if (now() - data.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS && !isBackgroundRequest(c)) {
    data = await touchSession(c, found.id, data);
  }
  c.set("session", { id: found.id, data });
  await next();
});
