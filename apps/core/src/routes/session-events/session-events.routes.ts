import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const d = coreRoutes.recordSessionEvent;

export const recordSessionEvent = createRoute({
  method: d.method,
  path: d.path,
  summary: d.summary,
  tags: ["sessions"],
  request: { params: d.params, body: { content: { "application/json": { schema: d.body } }, required: true } },
  responses: {
    200: jsonContent(d.response, "Recorded in the audit trail"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});
