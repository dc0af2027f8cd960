import { z } from "zod";
import { localeSchema } from "./locale.ts";
import { messageRef } from "./message-ref.ts";
import { usableCharacters } from "./text.ts";

const customerCodeRequired = messageRef("validation.required", { field: "fields.customerCode" });

/** お客様コード: the 7-digit customer code printed on the account-opening documents. */
export const customerCodeSchema = z
  .string({ error: customerCodeRequired })
  .trim()
  .min(1, customerCodeRequired)
  .regex(/^\d{7}$/, "validation.customerCode.format");

const loginPasswordRequired = messageRef("validation.required", { field: "fields.loginPassword" });

/**
 * The login form accepts any stored password up to the policy's maximum; the
 * composition rules (R2, R3) apply when a password is *set*, not when it is entered,
 * so a customer with an older password can still log in.
 */
export const loginPasswordInputSchema = z
  .string({ error: loginPasswordRequired })
  .check(usableCharacters())
  .min(1, loginPasswordRequired)
  .max(20, messageRef("validation.maxLength", { field: "fields.loginPassword", max: 20 }));

export const loginRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  password: loginPasswordInputSchema,
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionCustomerSchema = z.object({
  customerCode: z.string(),
  name: z.string(),
});

export const sessionSchema = z.discriminatedUnion("authenticated", [
  z.object({
    authenticated: z.literal(true),
    customer: sessionCustomerSchema,
    /** When the session ends if the customer does nothing (ISO 8601). */
    idleExpiresAt: z.iso.datetime(),
    /** When the session ends regardless of activity (ISO 8601). */
    absoluteExpiresAt: z.iso.datetime(),
    /**
     * The BFF's clock when it answered (ISO 8601): the SPA measures the time left against
     * this, not against the browser's clock, which may be off.
     */
    serverTime: z.iso.datetime(),
    /**
     * The customer's language (R36): their stored preference from login on, or what they chose
     * since. Optional for an answer of a BFF older than the language switch.
     */
    locale: localeSchema.optional(),
  }),
  z.object({
    authenticated: z.literal(false),
    /**
     * Set when the browser presented a session that has ended: timed out (idle/absolute) or
     * ended from another browser.
     */
    reason: z.enum(["session_expired", "session_revoked"]).optional(),
  }),
]);
export type Session = z.infer<typeof sessionSchema>;

/**
 * Sent by the SPA on a GET it makes without the customer (a poll, a refetch) when there was
 * no input for a while: the BFF then does not count it as activity, so the idle timeout still
 * comes to a customer who left a polling screen open.
 */
export const BACKGROUND_REQUEST_HEADER = "X-Kakunin-Background";
