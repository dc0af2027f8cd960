import { z } from "zod";

/**
 * The step-up methods' names and what a 403 `step_up_required` asks for, apart from the
 * methods' own schemas (step-up.ts) and the operations table: every error answer can carry
 * this, so the SPA's error handling (loaded on every screen) needs it, and only it (issue 16:
 * it used to pull in every contract). step-up.ts keys its methods table by these names.
 */
export const stepUpMethodNames = ["execution_password", "passkey", "auth_code"] as const;
export type StepUpMethod = (typeof stepUpMethodNames)[number];
export const stepUpMethodSchema = z.enum(stepUpMethodNames);

/** A demand as every error body carries it; step-up.ts narrows `operation` to the operations enum. */
export const stepUpDemandSchema = z.object({
  operation: z.string(),
  methods: z.array(stepUpMethodSchema),
  /** How long a grant for this operation lasts once given. */
  maxAgeSeconds: z.number().int().positive(),
});
