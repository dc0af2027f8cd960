import type { RouteHandler } from "@hono/zod-openapi";
import { stepUpMethodNames, stepUpMethods } from "@kakunin/contracts/step-up";
import { issueAuthCode as issue, stepUpRequirements, verifyStepUp as verify } from "../../domain/step-up/engine.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { getStepUpRequirements, issueAuthCode, verifyStepUp } from "./step-up.routes.ts";

export const getStepUpRequirementsHandler: RouteHandler<typeof getStepUpRequirements, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { operation } = c.req.valid("query");
  return c.json(await stepUpRequirements(c.get("db"), c.get("services"), customerId, operation), 200);
};

export const issueAuthCodeHandler: RouteHandler<typeof issueAuthCode, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { operation, digest, payload, client } = c.req.valid("json");
  const { destination, expiresAt, reused } = await issue(c.get("db"), c.get("services"), {
    customerId,
    operation,
    digest,
    payload,
    client,
    requestId: c.get("requestId"),
  });
  return c.json(
    {
      destination,
      expiresAt: expiresAt.toISOString(),
      ...(reused ? { reused: { sentAt: reused.sentAt.toISOString(), resendAt: reused.resendAt.toISOString() } } : {}),
    },
    200,
  );
};

export const verifyStepUpHandler: RouteHandler<typeof verifyStepUp, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { operation, digest, client } = body;
  // Each method's entry arrives in the field the methods table names for it.
  const entries = Object.fromEntries(stepUpMethodNames.map((m) => [m, body[stepUpMethods[m].field]]));
  await verify(c.get("db"), c.get("services"), {
    customerId,
    operation,
    digest,
    entries,
    client,
    requestId: c.get("requestId"),
  });
  return c.json({ verified: true as const }, 200);
};
