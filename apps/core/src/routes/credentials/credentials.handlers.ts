import type { RouteHandler } from "@hono/zod-openapi";
import {
  changeExecutionPassword as changeExecution,
  changeLoginPassword as changeLogin,
} from "../../domain/credentials/password-change.ts";
import { credentialStatus } from "../../domain/credentials/status.ts";
import {
  throwUnlessVerified,
  verifyExecutionPassword as verifyExecution,
} from "../../domain/credentials/verify-execution-password.ts";
import { localeOf } from "../../lib/locale.ts";
import type { AppBindings } from "../../lib/types.ts";
import type {
  changeExecutionPassword,
  changeLoginPassword,
  getCredentialStatus,
  verifyExecutionPassword,
} from "./credentials.routes.ts";

export const getCredentialStatusHandler: RouteHandler<typeof getCredentialStatus, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await credentialStatus(c.get("db"), c.get("services"), customerId, localeOf(c)), 200);
};

export const verifyExecutionPasswordHandler: RouteHandler<typeof verifyExecutionPassword, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { password, purpose, client } = c.req.valid("json");
  const outcome = await verifyExecution(c.get("db"), c.get("services").hashGate, {
    customerId,
    password,
    purpose,
    client,
    requestId: c.get("requestId"),
  });
  throwUnlessVerified(outcome);
  return c.json({ verified: true as const }, 200);
};

export const changeExecutionPasswordHandler: RouteHandler<typeof changeExecutionPassword, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { request, client } = c.req.valid("json");
  const changedAt = await changeExecution(c.get("db"), c.get("services"), {
    customerId,
    request,
    client,
    requestId: c.get("requestId"),
  });
  return c.json({ changedAt: changedAt.toISOString() }, 200);
};

export const changeLoginPasswordHandler: RouteHandler<typeof changeLoginPassword, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { request, client } = c.req.valid("json");
  const changedAt = await changeLogin(c.get("db"), c.get("services"), {
    customerId,
    request,
    client,
    requestId: c.get("requestId"),
  });
  return c.json({ changedAt: changedAt.toISOString() }, 200);
};
