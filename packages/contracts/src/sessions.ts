import { z } from "zod";

/**
 * ログイン中の端末 (R32, issue 15). A session's id is the bearer secret in its cookie, so the
 * API names a session by an opaque handle derived from it one-way (the BFF's
 * `sessionHandle`): knowing a handle lets the customer end that session of theirs, never use it.
 */
export const sessionHandleSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "validation.sessionHandle.format");
export const sessionHandlePathSchema = z.strictObject({ handle: sessionHandleSchema });

export const activeSessionSchema = z.object({
  handle: sessionHandleSchema,
  /** Parsed from the User-Agent at login (e.g. "Chrome 131"); null when it names none. */
  browser: z.string().nullable(),
  /** e.g. "Windows 10", "iOS 17.5"; null when unknown. */
  os: z.string().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  /** The session making this request (「この端末」). */
  current: z.boolean(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;

/** The customer's active sessions, the current one first, then the most recently active. */
export const activeSessionListSchema = z.object({ sessions: z.array(activeSessionSchema) });
export type ActiveSessionList = z.infer<typeof activeSessionListSchema>;

/** How many sessions a logout ended (0 when there was nothing left to end). */
export const endSessionsResponseSchema = z.object({ ended: z.number().int().min(0) });
export type EndSessionsResponse = z.infer<typeof endSessionsResponseSchema>;
