import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getMailSettings: get } = coreRoutes;

export const getMailSettings = createRoute({
  method: get.method,
  path: get.path,
  summary: get.summary,
  tags: ["mail-settings"],
  request: { params: get.params },
  responses: {
    200: jsonContent(get.response, "Registered addresses and every optional mail type"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});
