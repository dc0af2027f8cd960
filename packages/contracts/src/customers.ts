import { z } from "zod";
import { nextCursorSchema } from "./pagination.ts";

export const customerIdSchema = z.uuid();

export const customerSummarySchema = z.object({
  id: customerIdSchema,
  customerCode: z.string(),
  name: z.string(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** お知らせ shown on 会員トップ. `kind` lets later issues add e.g. the initial execution password. */
export const noticeSchema = z.object({
  id: z.string(),
  kind: z.enum(["info", "important"]),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
  /** What the notice asks the customer to do; the SPA turns it into a link. */
  topic: z.enum(["execution_password_change"]).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeListSchema = z.object({ notices: z.array(noticeSchema) });
export type NoticeList = z.infer<typeof noticeListSchema>;

export const loginHistoryEntrySchema = z.object({
  at: z.iso.datetime(),
  outcome: z.enum(["success", "failure"]),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Issue 15: the first login from this device (ログイン履歴 shows 「新しい端末」). */
  newDevice: z.boolean().optional(),
});
export type LoginHistoryEntry = z.infer<typeof loginHistoryEntrySchema>;

/** ログイン履歴, one page (issue 16): `nextCursor` fetches the next, null on the last. */
export const loginHistorySchema = z.object({ entries: z.array(loginHistoryEntrySchema), nextCursor: nextCursorSchema });
export type LoginHistory = z.infer<typeof loginHistorySchema>;

/**
 * 前回ログイン on 会員トップ (R42): the successful login before the one that started the current
 * session (`sessionStartedAt`, the session's start), or null on the customer's first login.
 */
export const previousLoginQuerySchema = z.object({ sessionStartedAt: z.iso.datetime({ offset: true }) });
export const previousLoginSchema = z.object({ previousLogin: loginHistoryEntrySchema.nullable() });
export type PreviousLogin = z.infer<typeof previousLoginSchema>;
