import type { RouteHandler } from "@hono/zod-openapi";
import { adoptCustomerLocale } from "../../domain/customer-locale.ts";
import { authenticationOptions, verifyPasskeyAssertion as verify } from "../../domain/passkeys/assertion.ts";
import { passkeyLogin } from "../../domain/passkeys/login.ts";
import {
  deletePasskey as deleteOne,
  listPasskeys as list,
  removeAllPasskeys,
  renamePasskey as rename,
} from "../../domain/passkeys/management.ts";
import { registerPasskey as register, registrationOptions } from "../../domain/passkeys/registration.ts";
import { localeOf } from "../../lib/locale.ts";
import type { AppBindings } from "../../lib/types.ts";
// One namespace: each handler names its route as `routes.x`, so the route list is kept in passkeys.index.ts only.
import type * as routes from "./passkeys.routes.ts";

export const registrationOptionsHandler: RouteHandler<typeof routes.passkeyRegistrationOptions, AppBindings> = async (
  c,
) => {
  const { customerId } = c.req.valid("param");
  const { challenge } = c.req.valid("json");
  return c.json(await registrationOptions(c.get("db"), c.get("services"), customerId, challenge), 200);
};

export const registerPasskeyHandler: RouteHandler<typeof routes.registerPasskey, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const view = await register(c.get("db"), c.get("services"), {
    customerId,
    ...c.req.valid("json"),
    requestId: c.get("requestId"),
  });
  return c.json(view, 201);
};

export const listPasskeysHandler: RouteHandler<typeof routes.listPasskeys, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json({ passkeys: await list(c.get("db"), customerId) }, 200);
};

export const renamePasskeyHandler: RouteHandler<typeof routes.renamePasskey, AppBindings> = async (c) => {
  const { customerId, passkeyId } = c.req.valid("param");
  const { name, client } = c.req.valid("json");
  return c.json(await rename(c.get("db"), { customerId, passkeyId, name, client, requestId: c.get("requestId") }), 200);
};

export const deletePasskeyHandler: RouteHandler<typeof routes.deletePasskey, AppBindings> = async (c) => {
  const { customerId, passkeyId } = c.req.valid("param");
  const { client } = c.req.valid("json");
  const passkeys = await deleteOne(c.get("db"), c.get("services"), {
    customerId,
    passkeyId,
    client,
    requestId: c.get("requestId"),
  });
  return c.json({ passkeys }, 200);
};

export const authenticationOptionsHandler: RouteHandler<
  typeof routes.passkeyAuthenticationOptions,
  AppBindings
> = async (c) => c.json(await authenticationOptions(c.get("db"), c.get("services"), c.req.valid("json")), 200);

export const verifyAssertionHandler: RouteHandler<typeof routes.verifyPasskeyAssertion, AppBindings> = async (c) =>
  c.json(await verify(c.get("db"), c.get("services"), { ...c.req.valid("json"), requestId: c.get("requestId") }), 200);

export const passkeyLoginHandler: RouteHandler<typeof routes.passkeyLogin, AppBindings> = async (c) => {
  const customer = await passkeyLogin(c.get("db"), c.get("services"), {
    ...c.req.valid("json"),
    requestId: c.get("requestId"),
  });
  // As a password login answers: the customer's language (R36), for the BFF's language cookie.
  return c.json({ customer, locale: await adoptCustomerLocale(c.get("db"), customer.id, localeOf(c)) }, 200);
};

export const removePasskeysHandler: RouteHandler<typeof routes.removePasskeys, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  const done = await removeAllPasskeys(c.get("db"), c.get("services"), customerCode, c.req.valid("json"));
  return c.json({ customerCode, done }, 200);
};
