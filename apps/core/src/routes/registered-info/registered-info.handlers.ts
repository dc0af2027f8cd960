import type { RouteHandler } from "@hono/zod-openapi";
import {
  changeEmail as changeMail,
  changeProfile as changeProf,
  getEmails as emails,
  listAccountOpenings as openings,
  readProfile,
} from "../../domain/registered-info.ts";
import type { AppBindings } from "../../lib/types.ts";
import type {
  changeEmail,
  changeProfile,
  getEmails,
  getProfile,
  listAccountOpenings,
} from "./registered-info.routes.ts";

export const getProfileHandler: RouteHandler<typeof getProfile, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await readProfile(c.get("db"), customerId), 200);
};

export const changeProfileHandler: RouteHandler<typeof changeProfile, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { change, client } = c.req.valid("json");
  const profile = await changeProf(c.get("db"), c.get("services"), {
    customerId,
    change,
    client,
    requestId: c.get("requestId"),
  });
  return c.json(profile, 200);
};

export const listAccountOpeningsHandler: RouteHandler<typeof listAccountOpenings, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json({ accounts: await openings(c.get("db"), customerId) }, 200);
};

export const getEmailsHandler: RouteHandler<typeof getEmails, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await emails(c.get("db"), customerId), 200);
};

export const changeEmailHandler: RouteHandler<typeof changeEmail, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { change, client } = c.req.valid("json");
  const result = await changeMail(c.get("db"), c.get("services"), {
    customerId,
    change,
    client,
    requestId: c.get("requestId"),
  });
  return c.json(result, 200);
};
