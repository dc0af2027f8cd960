import { mailSettingChangeSchema } from "@kakunin/contracts/mail";
import { marginAccountApplicationSchema } from "@kakunin/contracts/margin-accounts";
import { emailChangeSchema, profileChangeSchema } from "@kakunin/contracts/registered-info";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { cancelOrderRequestSchema, modifyOrderRequestSchema, orderRequestSchema } from "@kakunin/contracts/trading";
import { bankAccountChangeSchema, withdrawalRequestSchema } from "@kakunin/contracts/withdrawals";
import { z } from "zod";

/**
 * What each operation's confirmed payload must look like. The challenge and the final
 * request are both parsed with the same schema, so the digest covers the normalised values
 * that will execute (e.g. "1500002" and "150-0002" are one postal code).
 */
export const stepUpPayloadSchemas: Record<StepUpOperation, z.ZodType> = {
  view_registered_info: z.strictObject({}),
  change_profile: profileChangeSchema,
  change_email: emailChangeSchema,
  change_mail_settings: mailSettingChangeSchema,
  withdrawal: withdrawalRequestSchema,
  change_bank_account: bankAccountChangeSchema,
  place_order: orderRequestSchema,
  modify_order: modifyOrderRequestSchema,
  cancel_order: cancelOrderRequestSchema,
  apply_margin_account: marginAccountApplicationSchema,
};
