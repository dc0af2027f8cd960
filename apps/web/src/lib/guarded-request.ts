import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import type { z } from "zod";
import { apiRequest } from "./api-client.ts";

/**
 * What a step-up-guarded change sends (R26, R35): exactly the body the customer confirmed
 * (the grant is bound to it) under that confirmation's Idempotency-Key, so a double submit
 * executes once.
 */
export interface GuardedCall<B> {
  body: B;
  idempotencyKey: string;
}

export interface GuardedRequestOptions<B> extends GuardedCall<B> {
  /** POST creates (発注, 出金); PUT replaces one thing (訂正, 登録情報の変更). */
  method?: "POST" | "PUT";
}

/**
 * Calls a guarded BFF route. Without a matching grant it fails with 403
 * step_up_required (see `isStepUpRequired`); the answer is parsed with `schema`.
 */
export function guardedRequest<T, B>(
  path: `/api/${string}`,
  schema: z.ZodType<T>,
  { body, idempotencyKey, method = "POST" }: GuardedRequestOptions<B>,
): Promise<T> {
  return apiRequest(path, schema, { method, body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } });
}
