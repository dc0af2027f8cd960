import { z } from "zod";
import { customerCodeSchema, loginPasswordInputSchema } from "./auth.ts";
import { authCodeSchema } from "./auth-code.ts";
import {
  changeExecutionPasswordRequestSchema,
  changeLoginPasswordRequestSchema,
  executionPasswordInputSchema,
} from "./credentials.ts";
import { customerIdSchema, customerSummarySchema } from "./customers.ts";
import { deviceHashSchema } from "./devices.ts";
import { localeBodySchema, localeSchema } from "./locale.ts";
import { usableCharacters } from "./text.ts";

/** Core API requests about who the customer is: login, throttle audit and passwords (see core-api.ts). */

/** Who is acting, as seen by the BFF; recorded in the audit trail (R29). */
export const clientContextSchema = z.strictObject({
  ipAddress: z.string().check(usableCharacters()).max(64).nullable(),
  userAgent: z.string().check(usableCharacters()).max(512).nullable(),
});
export type ClientContext = z.infer<typeof clientContextSchema>;

export const verifyLoginRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  password: loginPasswordInputSchema,
  client: clientContextSchema,
  /** The BFF's hash of its device cookie (issue 15): an unknown device needs a 認証コード first. */
  deviceHash: deviceHashSchema,
});
export type VerifyLoginRequest = z.infer<typeof verifyLoginRequestSchema>;

/** Who logged in, and the language they chose (R36): the BFF sets its language cookie to it. */
export const verifyLoginResponseSchema = z.object({ customer: customerSummarySchema, locale: localeSchema });

/**
 * The 認証コード of a password login from a new device (issue 15): the code is bound to the
 * device it was mailed for, so it completes that pending login only.
 */
export const verifyLoginCodeRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  deviceHash: deviceHashSchema,
  code: authCodeSchema,
  client: clientContextSchema,
});
export type VerifyLoginCodeRequest = z.infer<typeof verifyLoginCodeRequestSchema>;

/**
 * The BFF's login throttle has just engaged (R1): its later refusals never reach core, so
 * core audits the moment it starts (R29), once per window and budget rather than per attempt.
 */
export const recordLoginThrottleRequestSchema = z.strictObject({
  /**
   * Which limit was reached (BFF decision 011): `customer_code`, the code is blocked for every
   * client; `client`, codes that failed from this client address are refused; `client_slowdown`,
   * every attempt from this client address is paced.
   */
  scope: z.enum(["customer_code", "client", "client_slowdown"]),
  /** The code typed in the attempt that reached the limit. */
  customerCode: customerCodeSchema,
  client: clientContextSchema,
  /** How long the limit holds: the code's block, or the rest of the client's counting window. */
  retryAfterSeconds: z.number().int().positive(),
});
export type RecordLoginThrottleRequest = z.infer<typeof recordLoginThrottleRequestSchema>;
export const recordLoginThrottleResponseSchema = z.object({ recorded: z.literal(true) });

export const customerPathSchema = z.strictObject({ customerId: customerIdSchema });

export const verifyExecutionPasswordRequestSchema = z.strictObject({
  password: executionPasswordInputSchema,
  /** What the password is being entered for (e.g. `view-profile`), for the audit trail. */
  purpose: z.string().check(usableCharacters()).min(1).max(64),
  client: clientContextSchema,
});
export type VerifyExecutionPasswordRequest = z.infer<typeof verifyExecutionPasswordRequestSchema>;
export const verifyExecutionPasswordResponseSchema = z.object({ verified: z.literal(true) });

export const changeExecutionPasswordCoreRequestSchema = z.strictObject({
  request: changeExecutionPasswordRequestSchema,
  client: clientContextSchema,
});
export const changeLoginPasswordCoreRequestSchema = z.strictObject({
  request: changeLoginPasswordRequestSchema,
  client: clientContextSchema,
});
export const passwordChangedResponseSchema = z.object({ changedAt: z.iso.datetime({ offset: true }) });

/** The language the customer chose (R36), stored as their preference: screens after login, mails. */
export const changeLocaleCoreRequestSchema = localeBodySchema.strict();
export const changeLocaleCoreResponseSchema = localeBodySchema;
