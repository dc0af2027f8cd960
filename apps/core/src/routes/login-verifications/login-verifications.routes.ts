import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, hashGateResponses, jsonContent } from "../../lib/openapi-responses.ts";

const d = coreRoutes.verifyLogin;

export const verifyLogin = createRoute({
  method: d.method,
  path: d.path,
  summary: d.summary,
  tags: ["login"],
  request: { body: { content: { "application/json": { schema: d.body } }, required: true } },
  responses: {
    200: jsonContent(d.response, "Credentials are valid"),
    ...commonErrorResponses,
    403: jsonContent(
      errorBodySchema,
      "The password is right but the customer has a usable passkey and must log in with it (passkey_login_required)",
    ),
    422: jsonContent(errorBodySchema, "Customer code or password is wrong (invalid_credentials)"),
    ...hashGateResponses,
  },
});
