import { zValidator } from "@hono/zod-validator";
import { toFieldErrors } from "@kakunin/contracts/error-body";
import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import { localeOf } from "../middleware/locale.ts";
import { ApiError } from "./api-error.ts";
import type { AppEnv } from "./types.ts";

/** Validates a JSON body with a shared contract schema; failures become field errors in the request's language. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return zValidator("json", schema, (result, c) => {
    if (!result.success) {
      throw new ApiError("validation_failed", 400, { fields: toFieldErrors(result.error.issues, localeOf(c)) });
    }
  });
}

/**
 * Validates a list's `?cursor=` with the contract's page schema (issue 16), so a damaged
 * cursor is a field error here and never reaches core.
 */
export function pageQuery<T extends z.ZodType>(schema: T) {
  return zValidator("query", schema, (result, c) => {
    if (!result.success) {
      throw new ApiError("validation_failed", 400, { fields: toFieldErrors(result.error.issues, localeOf(c)) });
    }
  });
}

/** Bodies are JSON only: anything else is 415 before it is parsed. */
export const requireJson = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError("unsupported_media_type", 415);
  await next();
});
