import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, hashGateResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getStepUpRequirements: requirements, issueAuthCode: issue, verifyStepUp: verify } = coreRoutes;

const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const getStepUpRequirements = createRoute({
  method: requirements.method,
  path: requirements.path,
  summary: requirements.summary,
  tags: ["step-up"],
  request: { params: requirements.params, query: requirements.query },
  responses: {
    200: jsonContent(requirements.response, "What confirming the operation needs now"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const issueAuthCode = createRoute({
  method: issue.method,
  path: issue.path,
  summary: issue.summary,
  tags: ["step-up"],
  request: { params: issue.params, body: json(issue.body) },
  responses: {
    200: jsonContent(issue.response, "Code mailed (masked destination and expiry)"),
    ...commonErrorResponses,
    403: jsonContent(
      errorBodySchema,
      "The operation needs a passkey the customer has not registered (passkey_registration_required)",
    ),
    ...notFoundResponse,
    409: jsonContent(
      errorBodySchema,
      "The operation needs no code for this customer (forbidden), or the withdrawal names a destination that is no longer registered (bank_account_changed)",
    ),
    423: jsonContent(
      errorBodySchema,
      "Account locked (account_locked): the confirmation needs the execution password, so no code is mailed",
    ),
    429: jsonContent(
      errorBodySchema,
      "Resend throttled: 1 a minute (auth_code_resend_too_soon), 5 an hour (auth_code_resend_limit)",
    ),
  },
});

export const verifyStepUp = createRoute({
  method: verify.method,
  path: verify.path,
  summary: verify.summary,
  tags: ["step-up"],
  request: { params: verify.params, body: json(verify.body) },
  responses: {
    200: jsonContent(verify.response, "Verified; a code is consumed"),
    ...commonErrorResponses,
    ...notFoundResponse,
    403: jsonContent(
      errorBodySchema,
      "The operation needs a passkey the customer has not registered (passkey_registration_required), or the passkey is suspended (passkey_suspended)",
    ),
    410: jsonContent(errorBodySchema, "No live code: expired, void after 5 wrong entries, or used (auth_code_expired)"),
    422: jsonContent(
      errorBodySchema,
      "Wrong execution password (remainingAttempts), wrong code (wrong_auth_code, remainingCodeAttempts), or a passkey assertion refused (passkey_invalid, passkey_unknown, passkey_challenge_expired: e.g. signed for another digest)",
    ),
    423: jsonContent(errorBodySchema, "Account locked (account_locked)"),
    ...hashGateResponses,
  },
});
