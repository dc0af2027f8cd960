import type { RouteHandler } from "@hono/zod-openapi";
import { initialExecutionPassword } from "../../domain/credentials/initial-password.ts";
import { findCustomerSummary } from "../../domain/customers.ts";
import { loginHistory, previousLogin } from "../../domain/logins.ts";
import { listCompanyNotices } from "../../domain/notices.ts";
import { passkeyRegistrationNotice } from "../../domain/passkeys/notice.ts";
import { AppError } from "../../lib/errors.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { getCustomer, getLoginHistory, getPreviousLogin, listNotices } from "./customers.routes.ts";

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
  await requireCustomer(c, customerId);
  const companyNotices = await listCompanyNotices(c.get("db"));
  // R9: the initial execution password, to this customer only, until they change it.
  const initial = await initialExecutionPassword(c.get("db"), c.get("services"), customerId);
  const personal = initial
    ? [
        {
          id: "initial-execution-password",
          kind: "important" as const,
          title: "初期執行パスワードのお知らせ",
          body: `お客様の初期執行パスワードは「${initial.password}」です。口座管理の「執行パスワード変更」から、お客様ご自身のパスワードへ変更してください。変更後、このお知らせは表示されなくなります。`,
          publishedAt: initial.issuedAt.toISOString(),
          topic: "execution_password_change" as const,
        },
      ]
    : [];
  // Issue 14: a customer without a usable passkey is asked to register one, before the date.
  const passkey = await passkeyRegistrationNotice(c.get("db"), c.get("services"), customerId);
  return c.json({ notices: [...personal, ...(passkey ? [passkey] : []), ...companyNotices] }, 200);
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
