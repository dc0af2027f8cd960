import { z } from "zod";
import { clientContextSchema } from "./core-api-customer.ts";
import { customerIdSchema } from "./customers.ts";
import { mailSettingChangeSchema } from "./mail.ts";
import { emailChangeSchema, profileChangeSchema } from "./registered-info.ts";
import { usableCharacters } from "./text.ts";
import { modifyOrderRequestSchema, orderNumberSchema, orderRequestSchema } from "./trading.ts";
import { bankAccountChangeSchema, withdrawalRequestSchema } from "./withdrawals.ts";

/** Core API requests that execute a guarded operation (see core-api.ts and operations.ts). */

export const changeProfileCoreRequestSchema = z.strictObject({
  change: profileChangeSchema,
  client: clientContextSchema,
});
export const changeEmailCoreRequestSchema = z.strictObject({ change: emailChangeSchema, client: clientContextSchema });
export const changeMailSettingCoreRequestSchema = z.strictObject({
  change: mailSettingChangeSchema,
  client: clientContextSchema,
});
/** The BFF's Idempotency-Key, passed on so a retried request executes once (R26). */
const requestKeySchema = z.string().check(usableCharacters()).min(16).max(128);

export const createWithdrawalCoreRequestSchema = z.strictObject({
  request: withdrawalRequestSchema,
  /**
   * The BFF's idempotency key: the same key never creates a second withdrawal (R26); with
   * another request (or operation) it is refused with 422 idempotency_key_reused.
   */
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
export const orderPathSchema = z.strictObject({ customerId: customerIdSchema, orderNumber: orderNumberSchema });
export const placeOrderCoreRequestSchema = z.strictObject({
  request: orderRequestSchema,
  /** The BFF's idempotency key: the same key never places a second order (R26); see createWithdrawal's. */
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
export const modifyOrderCoreRequestSchema = z.strictObject({
  request: modifyOrderRequestSchema,
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
export const cancelOrderCoreRequestSchema = z.strictObject({
  requestKey: requestKeySchema,
  client: clientContextSchema,
});

export const requestBankAccountChangeCoreRequestSchema = z.strictObject({
  change: bankAccountChangeSchema,
  client: clientContextSchema,
});
