import { z } from "zod";
import { clientContextSchema } from "./core-api-customer.ts";
import { stepUpCoreVerifyFields, stepUpMethodSchema, stepUpOperationSchema } from "./step-up.ts";

/** Core API requests of the step-up (R6, R13): requirements, 認証コード and verification (see core-api.ts). */

/** sha256 (hex) of the canonical JSON (RFC 8785) of `{ operation, payload }`, computed by the BFF. */
export const operationDigestSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const stepUpRequirementsQuerySchema = z.strictObject({ operation: stepUpOperationSchema });
export const stepUpRequirementsResponseSchema = z.object({
  /** Empty before enforcement (R11) and for operations that need nothing. */
  methods: z.array(stepUpMethodSchema),
  /** Masked destination of the 認証コード, when one is required. */
  codeDestination: z.string().nullable(),
  /**
   * The execution password is locked (R8): every confirmation that needs it will be
   * refused until an operator unlocks the account.
   */
  locked: z.boolean(),
});

export const issueAuthCodeRequestSchema = z.strictObject({
  operation: stepUpOperationSchema,
  digest: operationDigestSchema,
  /**
   * The confirmed payload, when the mail must say what the code is for (a withdrawal's
   * amount and destination). Core checks it hashes to `digest` before using it.
   */
  payload: z.record(z.string(), z.unknown()).optional(),
  client: clientContextSchema,
});
export const issueAuthCodeResponseSchema = z.object({
  destination: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  /**
   * Issue 17 B1: no new code could be sent yet (the resend limit), but the one sent for this
   * very confirmation (same operation and digest) is still valid: it is the one to enter.
   */
  reused: z.object({ sentAt: z.iso.datetime({ offset: true }), resendAt: z.iso.datetime({ offset: true }) }).optional(),
});

export const verifyStepUpCoreRequestSchema = z.strictObject({
  operation: stepUpOperationSchema,
  digest: operationDigestSchema,
  /** One field per step-up method (see `stepUpMethods`). */
  ...stepUpCoreVerifyFields,
  client: clientContextSchema,
});
export const verifyStepUpResponseSchema = z.object({ verified: z.literal(true) });
