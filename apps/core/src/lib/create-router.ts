import { OpenAPIHono } from "@hono/zod-openapi";
import { errorBody, toFieldErrors } from "@kakunin/contracts/error-body";
import type { AppBindings } from "./types.ts";

/** A router whose validation failures answer our JSON error body with field errors. */
export function createRouter() {
  return new OpenAPIHono<AppBindings>({
    strict: true,
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(
          errorBody("validation_failed", { fields: toFieldErrors(result.error.issues), requestId: c.get("requestId") }),
          400,
        );
      }
    },
  });
}
