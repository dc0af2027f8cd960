import { z } from "zod";

/**
 * 200 body of both password changes. The contract's copy lives in `@kakunin/contracts/core-api`,
 * which the SPA does not import: it would bundle every core route descriptor.
 */
export const passwordChangedSchema = z.object({ changedAt: z.iso.datetime({ offset: true }) });
export type PasswordChanged = z.infer<typeof passwordChangedSchema>;
