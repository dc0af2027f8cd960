import { createHash, randomBytes } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./types.ts";

/**
 * New-device detection (issue 15, decision 013). The browser keeps a long-lived random device
 * id in `__Host-kakunin-device`; core only ever sees `sha256("kakunin-device:v1:" + id)`, so a
 * copy of core's table cannot be turned back into a cookie that passes as a known device.
 */
const DEVICE_COOKIE = "kakunin-device";
/** ~400 days: the longest lifetime browsers keep a cookie (RFC 6265bis caps Max-Age there). */
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
// Lax, not Strict: the id must be there when the customer arrives from a link or bookmark.
const deviceCookieOptions = { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Lax" } as const;
/** 32 random bytes, base64url: 43 characters. Anything else is not ours and is replaced. */
const DEVICE_ID = /^[A-Za-z0-9_-]{43}$/;

export const deviceHashOf = (deviceId: string) =>
  createHash("sha256").update(`kakunin-device:v1:${deviceId}`).digest("hex");

/** This browser's device id, set (random) when it has none yet; answers its hash for core. */
export function ensureDeviceHash(c: Context<AppEnv>): string {
  let id = getCookie(c, DEVICE_COOKIE, "host");
  if (!id || !DEVICE_ID.test(id)) {
    id = randomBytes(32).toString("base64url");
    setCookie(c, DEVICE_COOKIE, id, { ...deviceCookieOptions, maxAge: DEVICE_COOKIE_MAX_AGE_S });
  }
  return deviceHashOf(id);
}

/**
 * The pending login of a new device, between the password and the mailed 認証コード: sealed
 * (encrypted and authenticated) with the step-up cookie keys, so the browser can neither
 * read nor change which customer and device it names; it expires with the code.
 */
const PENDING_COOKIE = "kakunin-device-login";
const PENDING_TTL_MS = 10 * 60_000;
const pendingCookieOptions = { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" } as const;

export interface PendingDeviceLogin {
  customerCode: string;
  deviceHash: string;
}

export async function setPendingDeviceLogin(c: Context<AppEnv>, pending: PendingDeviceLogin): Promise<void> {
  const { cookieBox, now } = c.get("deps");
  const value = await cookieBox.seal({ purpose: "device_login", ...pending }, now() + PENDING_TTL_MS);
  setCookie(c, PENDING_COOKIE, value, { ...pendingCookieOptions, maxAge: PENDING_TTL_MS / 1000 });
}

/** The pending login, or null when there is none, it expired, or was tampered with. */
export async function readPendingDeviceLogin(c: Context<AppEnv>): Promise<PendingDeviceLogin | null> {
  const value = getCookie(c, PENDING_COOKIE, "host");
  if (!value) return null;
  const payload = await c.get("deps").cookieBox.open(value);
  if (payload?.purpose !== "device_login") return null;
  const { customerCode, deviceHash } = payload;
  if (typeof customerCode !== "string" || typeof deviceHash !== "string") return null;
  return { customerCode, deviceHash };
}

export function clearPendingDeviceLogin(c: Context<AppEnv>): void {
  deleteCookie(c, PENDING_COOKIE, pendingCookieOptions);
}
