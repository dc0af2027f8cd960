import { OpenAPIHono } from "@hono/zod-openapi";
import { errorBody, toFieldErrors } from "@kakunin/contracts/error-body";
import { localeOf } from "./locale.ts";
import type { AppBindings } from "./types.ts";

/** A router whose validation failures answer our JSON error body with field errors, in the reader's language. */
export function createRouter() {
  return new OpenAPIHono<AppBindings>({
    strict: true,
    defaultHook: (result, c) => {
      if (!result.success) {
        const locale = localeOf(c);
        const fields = toFieldErrors(result.error.issues, locale);
        return c.json(errorBody("validation_failed", { fields, requestId: c.get("requestId"), locale }), 400);
      }
    },
  });
}
