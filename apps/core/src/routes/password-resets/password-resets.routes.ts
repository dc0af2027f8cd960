import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, hashGateResponses, jsonContent } from "../../lib/openapi-responses.ts";

const { startPasswordReset: start, completePasswordReset: complete } = coreRoutes;
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const startPasswordReset = createRoute({
  method: start.method,
  path: start.path,
  summary: start.summary,
  tags: ["password-resets"],
  request: { body: json(start.body) },
  responses: {
    200: jsonContent(start.response, "The reset, or null when nothing matched (the BFF hides which)"),
    ...commonErrorResponses,
  },
});

export const completePasswordReset = createRoute({
  method: complete.method,
  path: complete.path,
  summary: complete.summary,
  tags: ["password-resets"],
  request: { body: json(complete.body) },
  responses: {
    200: jsonContent(complete.response, "Reset; the BFF ends the customer's sessions"),
    ...commonErrorResponses,
    403: jsonContent(errorBodySchema, "Trading stopped since the code was mailed (account_stopped)"),
    422: jsonContent(errorBodySchema, "Wrong, used, void or expired code (password_reset_code_invalid)"),
    ...hashGateResponses,
  },
});
