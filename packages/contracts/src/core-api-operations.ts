import { z } from "zod";
import { clientContextSchema } from "./core-api-customer.ts";
import { customerIdSchema } from "./customers.ts";
import { mailSettingChangeSchema } from "./mail.ts";
import { marginAccountApplicationSchema } from "./margin-accounts.ts";
import { emailChangeSchema, profileChangeSchema } from "./registered-info.ts";
import { usableCharacters } from "./text.ts";
import { modifyOrderRequestSchema, orderNumberSchema, orderRequestSchema } from "./trading.ts";
import { bankAccountChangeSchema, withdrawalRequestSchema } from "./withdrawals.ts";

/** Core API requests that execute a guarded operation (see core-api.ts and operations.ts). */

/** A change of registered information, with who made it (R29). */
const changeRequest = <T extends z.ZodType>(change: T) => z.strictObject({ change, client: clientContextSchema });

/** The BFF's Idempotency-Key, passed on so a retried request executes once (R26). */
const requestKeySchema = z.string().check(usableCharacters()).min(16).max(128);

/**
 * An execution keyed by the BFF's idempotency key: the same key never executes twice (a
 * second withdrawal or order, R26); with another request (or operation) it is refused with
 * 422 idempotency_key_reused.
 */
const keyedRequest = <T extends z.ZodType>(request: T) =>
  z.strictObject({ request, requestKey: requestKeySchema, client: clientContextSchema });

export const changeProfileCoreRequestSchema = changeRequest(profileChangeSchema);
export const changeEmailCoreRequestSchema = changeRequest(emailChangeSchema);
export const changeMailSettingCoreRequestSchema = changeRequest(mailSettingChangeSchema);
export const requestBankAccountChangeCoreRequestSchema = changeRequest(bankAccountChangeSchema);
export const applyMarginAccountCoreRequestSchema = changeRequest(marginAccountApplicationSchema);

export const createWithdrawalCoreRequestSchema = keyedRequest(withdrawalRequestSchema);
export const placeOrderCoreRequestSchema = keyedRequest(orderRequestSchema);
/** The check before an order's confirmation (issue 17 B2): no key, since nothing executes. */
export const checkOrderCoreRequestSchema = z.strictObject({ request: orderRequestSchema, client: clientContextSchema });
export const modifyOrderCoreRequestSchema = keyedRequest(modifyOrderRequestSchema);
export const checkModificationCoreRequestSchema = z.strictObject({
  request: modifyOrderRequestSchema,
  client: clientContextSchema,
});
export const orderPathSchema = z.strictObject({ customerId: customerIdSchema, orderNumber: orderNumberSchema });
export const cancelOrderCoreRequestSchema = z.strictObject({
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
