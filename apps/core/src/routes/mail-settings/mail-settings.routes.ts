import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getMailSettings: get, changeMailSetting: change } = coreRoutes;

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

export const changeMailSetting = createRoute({
  method: change.method,
  path: change.path,
  summary: change.summary,
  tags: ["mail-settings"],
  request: {
    params: change.params,
    body: { content: { "application/json": { schema: change.body } }, required: true },
  },
  responses: {
    200: jsonContent(change.response, "Every mail type after the change"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});
