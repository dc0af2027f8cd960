import { type ActiveSession, activeSessionListSchema, activeSessionSchema } from "@kakunin/contracts/sessions";
import type { z } from "zod";

/**
 * ログイン中の端末's API fixtures, shared by app/sessions.test.tsx and the screen's stories;
 * each is checked against its contract schema when this module loads, as fixtures.ts does.
 */
function checked<T>(schema: z.ZodType, value: T): T {
  schema.parse(value);
  return value;
}

/** This browser: Chrome on Windows, logged in this afternoon (JST). */
export const thisSession = checked(activeSessionSchema, {
  handle: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  browser: "Chrome 131",
  os: "Windows 10",
  ipAddress: "203.0.113.7",
  createdAt: "2026-11-25T06:30:00.000Z",
  lastSeenAt: "2026-11-25T07:04:05.000Z",
  current: true,
} satisfies ActiveSession);

/** The customer's iPhone, used at lunchtime. */
export const phoneSession = checked(activeSessionSchema, {
  handle: "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
  browser: "Safari 17",
  os: "iOS 17.5",
  ipAddress: "198.51.100.23",
  createdAt: "2026-11-25T03:10:00.000Z",
  lastSeenAt: "2026-11-25T03:45:12.000Z",
  current: false,
} satisfies ActiveSession);

/** A session the customer may not recognise: another address, a User-Agent that names nothing. */
export const unknownSession = checked(activeSessionSchema, {
  handle: "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
  browser: null,
  os: null,
  ipAddress: "192.0.2.200",
  createdAt: "2026-11-25T01:00:00.000Z",
  lastSeenAt: "2026-11-25T01:02:00.000Z",
  current: false,
} satisfies ActiveSession);

export const threeSessions = checked(activeSessionListSchema, {
  sessions: [thisSession, phoneSession, unknownSession],
});
export const onlyThisSession = checked(activeSessionListSchema, { sessions: [thisSession] });
export const afterPhoneEnded = checked(activeSessionListSchema, { sessions: [thisSession, unknownSession] });
