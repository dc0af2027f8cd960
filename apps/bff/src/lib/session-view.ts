import { createHash, timingSafeEqual } from "node:crypto";
import type { ActiveSession } from "@kakunin/contracts/sessions";
import Bowser from "bowser";
import type { StoredSession } from "./session-store.ts";

/**
 * The opaque name of a session in the API (R32): one-way from its store key (itself the
 * sha256 of the id), domain-separated so it is neither the id nor the Redis key. It names a
 * session for 「ログアウト」 and is useless for anything else.
 */
export function sessionHandle(key: string): string {
  return createHash("sha256").update("kakunin-session-handle\0").update(key).digest("base64url");
}

/** Handles compared in constant time, as they are derived from a secret. */
export function sameHandle(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const MAX_LABEL = 60;
const label = (parts: (string | undefined)[]) => {
  const text = parts.filter(Boolean).join(" ").trim();
  return text ? text.slice(0, MAX_LABEL) : null;
};

/**
 * "Chrome 131" and "Windows 10" from a User-Agent, by bowser (a maintained parser: hand-made
 * patterns age with every browser release). Only the major browser version is shown: the
 * rest changes weekly and tells the customer nothing.
 */
export function describeDevice(userAgent: string | null | undefined): { browser: string | null; os: string | null } {
  if (!userAgent) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split(".")[0];
  const os = parsed.os;
  // Windows' marketing name ("10", "11") says more than NT's number; elsewhere the version does.
  const osVersion = os.name === "Windows" ? (os.versionName ?? os.version) : os.version;
  return { browser: label([parsed.browser.name, major]), os: label([os.name, osVersion]) };
}

/** The listed view of a stored session; the id never leaves the BFF. */
export function toActiveSession(session: StoredSession, current: boolean): ActiveSession {
  const { data } = session;
  return {
    handle: sessionHandle(session.key),
    ...describeDevice(data.userAgent),
    ipAddress: data.ipAddress ?? null,
    createdAt: new Date(data.createdAt).toISOString(),
    lastSeenAt: new Date(data.lastSeenAt).toISOString(),
    current,
  };
}
