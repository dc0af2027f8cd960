import type { RouteHandler } from "@hono/zod-openapi";
import { setCustomerLocale } from "../../domain/customer-locale.ts";
import { findCustomerSummary } from "../../domain/customers.ts";
import { loginHistory, previousLogin } from "../../domain/logins.ts";
import { customerNotices } from "../../domain/notices.ts";
import { AppError } from "../../lib/errors.ts";
import { localeOf } from "../../lib/locale.ts";
import type { AppBindings } from "../../lib/types.ts";
import type {
  changeCustomerLocale,
  getCustomer,
  getLoginHistory,
  getPreviousLogin,
  listNotices,
} from "./customers.routes.ts";

async function requireCustomer(c: { get(key: "db"): AppBindings["Variables"]["db"] }, customerId: string) {
  const customer = await findCustomerSummary(c.get("db"), customerId);
  if (!customer) throw new AppError("not_found", 404);
  return customer;
}

export const getCustomerHandler: RouteHandler<typeof getCustomer, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await requireCustomer(c, customerId), 200);
};

export const listNoticesHandler: RouteHandler<typeof listNotices, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const notices = await customerNotices(c.get("db"), c.get("services"), customerId, localeOf(c));
  if (!notices) throw new AppError("not_found", 404);
  return c.json({ notices }, 200);
};

export const getLoginHistoryHandler: RouteHandler<typeof getLoginHistory, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  await requireCustomer(c, customerId);
  const page = await loginHistory(c.get("db"), customerId, c.req.valid("query"));
  return c.json(
    {
      nextCursor: page.nextCursor,
      entries: page.entries.map((r) => ({
        at: r.at.toISOString(),
        outcome: r.outcome === "success" ? ("success" as const) : ("failure" as const),
        ipAddress: r.ipAddress,
        userAgent: r.userAgent,
        ...(r.newDevice ? { newDevice: true } : {}),
      })),
    },
    200,
  );
};

export const getPreviousLoginHandler: RouteHandler<typeof getPreviousLogin, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { sessionStartedAt } = c.req.valid("query");
  await requireCustomer(c, customerId);
  const row = await previousLogin(c.get("db"), customerId, new Date(sessionStartedAt));
  return c.json(
    {
      previousLogin: row
        ? { at: row.at.toISOString(), outcome: "success" as const, ipAddress: row.ipAddress, userAgent: row.userAgent }
        : null,
    },
    200,
  );
};

/** The language the customer chose (R36), stored when they switch language while logged in. */
export const changeCustomerLocaleHandler: RouteHandler<typeof changeCustomerLocale, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { locale } = c.req.valid("json");
  if (!(await setCustomerLocale(c.get("db"), customerId, locale))) throw new AppError("not_found", 404);
  return c.json({ locale }, 200);
};
