import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { commonErrorResponses, jsonContent } from "../../lib/openapi-responses.ts";

const d = coreRoutes.recordLoginThrottle;

export const recordLoginThrottle = createRoute({
  method: d.method,
  path: d.path,
  summary: d.summary,
  tags: ["login"],
  request: { body: { content: { "application/json": { schema: d.body } }, required: true } },
  responses: {
    200: jsonContent(d.response, "Recorded in the audit trail"),
    ...commonErrorResponses,
  },
});
