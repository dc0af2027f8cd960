import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getProfile: profile, changeProfile: changeProf, listAccountOpenings: openings } = coreRoutes;
const { getEmails: emails, changeEmail: changeMail } = coreRoutes;

const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const getProfile = createRoute({
  method: profile.method,
  path: profile.path,
  summary: profile.summary,
  tags: ["registered-info"],
  request: { params: profile.params },
  responses: { 200: jsonContent(profile.response, "口座情報"), ...commonErrorResponses, ...notFoundResponse },
});

export const changeProfile = createRoute({
  method: changeProf.method,
  path: changeProf.path,
  summary: changeProf.summary,
  tags: ["registered-info"],
  request: { params: changeProf.params, body: json(changeProf.body) },
  responses: {
    200: jsonContent(changeProf.response, "口座情報 after the change"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const listAccountOpenings = createRoute({
  method: openings.method,
  path: openings.path,
  summary: openings.summary,
  tags: ["registered-info"],
  request: { params: openings.params },
  responses: {
    200: jsonContent(openings.response, "Every kind of account with its status"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const getEmails = createRoute({
  method: emails.method,
  path: emails.path,
  summary: emails.summary,
  tags: ["registered-info"],
  request: { params: emails.params },
  responses: {
    200: jsonContent(emails.response, "Registered addresses"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const changeEmail = createRoute({
  method: changeMail.method,
  path: changeMail.path,
  summary: changeMail.summary,
  tags: ["registered-info"],
  request: { params: changeMail.params, body: json(changeMail.body) },
  responses: {
    200: jsonContent(changeMail.response, "Registered addresses after the change"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});
