import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, hashGateResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getCredentialStatus: status, verifyExecutionPassword: verify } = coreRoutes;
const { changeExecutionPassword: changeExec, changeLoginPassword: changeLogin } = coreRoutes;

const wrongPassword = {
  422: jsonContent(errorBodySchema, "Wrong password (with remainingAttempts for the execution password)"),
};
const locked = {
  423: jsonContent(errorBodySchema, "Account locked after 9 failed execution-password attempts (account_locked)"),
};
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const getCredentialStatus = createRoute({
  method: status.method,
  path: status.path,
  summary: status.summary,
  tags: ["credentials"],
  request: { params: status.params },
  responses: { 200: jsonContent(status.response, "Credential state"), ...commonErrorResponses, ...notFoundResponse },
});

export const verifyExecutionPassword = createRoute({
  method: verify.method,
  path: verify.path,
  summary: verify.summary,
  tags: ["credentials"],
  request: { params: verify.params, body: json(verify.body) },
  responses: {
    200: jsonContent(verify.response, "Verified; the failure count is reset"),
    ...commonErrorResponses,
    ...notFoundResponse,
    ...wrongPassword,
    ...locked,
    ...hashGateResponses,
  },
});

export const changeExecutionPassword = createRoute({
  method: changeExec.method,
  path: changeExec.path,
  summary: changeExec.summary,
  tags: ["credentials"],
  request: { params: changeExec.params, body: json(changeExec.body) },
  responses: {
    200: jsonContent(changeExec.response, "Changed"),
    ...commonErrorResponses,
    ...notFoundResponse,
    ...wrongPassword,
    ...locked,
    ...hashGateResponses,
  },
});

export const changeLoginPassword = createRoute({
  method: changeLogin.method,
  path: changeLogin.path,
  summary: changeLogin.summary,
  tags: ["credentials"],
  request: { params: changeLogin.params, body: json(changeLogin.body) },
  responses: {
    200: jsonContent(changeLogin.response, "Changed"),
    ...commonErrorResponses,
    ...notFoundResponse,
    ...wrongPassword,
    ...hashGateResponses,
  },
});
