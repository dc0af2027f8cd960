import { parseArgs } from "node:util";
import { customerCodeSchema } from "@kakunin/contracts/auth";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { outboxMessageListSchema } from "@kakunin/contracts/mail";
import {
  auditEventListSchema,
  opsActionResponseSchema,
  opsMarketResultSchema,
  opsRoutes,
} from "@kakunin/contracts/ops";
import { instrumentCodeSchema } from "@kakunin/contracts/trading";
import { loadOpsCliEnv } from "../env.ts";

/**
 * Operator CLI: `npm run ops -- <command> [お客様コード | mail id | 銘柄コード price] [--note TEXT] [--limit N]`.
 * It calls the running core's operator API, so core stays the only owner of the database
 * and every action lands in the audit trail with the operator's name (OPS_OPERATOR).
 */
const usage = `Usage: npm run ops -- <command> [argument] [options]

Commands:
  unlock <code> [--note TEXT]                 unlock after 9 failed execution-password attempts (mails the customer)
  reissue-initial-password <code> [--note T]  issue a new initial execution password (shown in お知らせ)
  bank-change-approve <code> [--note TEXT]    apply the customer's pending 出金先口座変更 (mails the customer)
  bank-change-reject <code> [--note TEXT]     reject the customer's pending 出金先口座変更
  margin-approve <code> [--note TEXT]         open the customer's 信用取引口座 under review (mails the customer)
  margin-reject <code> [--note TEXT]          decline it, back to 未開設 (mails the result; the note stays internal)
  passkeys-remove <code> --note TEXT          after 本人確認: remove every passkey of the customer (mails the customer)
  trading-resume <code> --note TEXT           after 本人確認: lift the customer's 取引停止 (mails the customer)
  audit <code> [--limit N]                    list the customer's recent audit events
  mail-stuck                                  list mail that failed or is being retried
  mail-retry <id>                             queue a failed mail again
  set-price <code> <price>                    set a stock's price (or a fund's NAV, code F001…); fills crossed limit orders
  market-tick                                 move every stock price one deterministic step (MARKET_SEED); fills crossed orders
  nav-run [--note TEXT]                       move every fund's NAV one step and execute all open fund orders
  expire-orders [--note TEXT]                 end of day: expire all open stock orders, releasing reservations

Environment: CORE_URL (default http://127.0.0.1:8081), OPS_OPERATOR (default $USER),
  CORE_OPS_TOKEN (outside production, default: the one npm start generated into .data/dev-secrets.json)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { note: { type: "string" }, limit: { type: "string" }, help: { type: "boolean", short: "h" } },
});
const [command, argument, secondArgument] = positionals;
const noArgument = ["mail-stuck", "market-tick", "nav-run", "expire-orders"];
const needsArgument = command !== undefined && !noArgument.includes(command);
if (values.help || !command || (needsArgument && !argument) || (command === "set-price" && !secondArgument)) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

/** Fills `{customerCode}`, `{id}` or `{code}` in a route with the validated argument. */
function path(template: string): string {
  if (template.includes("{code}")) {
    const fund = /^F\d{3}$/.test(argument ?? "");
    const code = fund ? { success: true as const, data: argument ?? "" } : instrumentCodeSchema.safeParse(argument);
    if (!code.success) fail(`Invalid instrument code "${argument}": ${code.error.issues[0]?.message}`);
    return template.replace("{code}", code.data);
  }
  if (template.includes("{customerCode}")) {
    const code = customerCodeSchema.safeParse(argument);
    if (!code.success) fail(`Invalid customer code "${argument}": ${code.error.issues[0]?.message}`);
    return template.replace("{customerCode}", code.data);
  }
  if (template.includes("{id}")) {
    if (!/^\d+$/.test(argument ?? "")) fail(`Invalid mail id "${argument}"`);
    return template.replace("{id}", argument ?? "");
  }
  return template;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const env = loadOpsCliEnv();

async function call(method: string, template: string, body?: unknown, query = "") {
  let res: Response;
  try {
    res = await fetch(new URL(path(template) + query, env.CORE_URL), {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${env.CORE_OPS_TOKEN}`, "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    console.error(`Core is not reachable at ${env.CORE_URL}. Is it running (npm start)?`);
    process.exit(1);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = errorBodySchema.safeParse(json);
    console.error(error.success ? `${error.data.error.code}: ${error.data.error.message}` : `HTTP ${res.status}`);
    process.exit(1);
  }
  return json;
}

const action = { operator: env.OPS_OPERATOR, ...(values.note ? { note: values.note } : {}) };
switch (command) {
  case "unlock": {
    const r = opsActionResponseSchema.parse(await call(opsRoutes.unlock.method, opsRoutes.unlock.path, action));
    console.log(r.done === "unlocked" ? `${r.customerCode}: unlocked` : `${r.customerCode}: was not locked`);
    break;
  }
  case "reissue-initial-password": {
    const route = opsRoutes.reissueInitialExecutionPassword;
    const r = opsActionResponseSchema.parse(await call(route.method, route.path, action));
    console.log(`${r.customerCode}: new initial execution password issued; the customer sees it in お知らせ`);
    break;
  }
  case "bank-change-approve": {
    const route = opsRoutes.approveBankAccountChange;
    const r = opsActionResponseSchema.parse(await call(route.method, route.path, action));
    console.log(`${r.customerCode}: withdrawal bank account changed; the customer was notified by mail`);
    break;
  }
  case "bank-change-reject": {
    const route = opsRoutes.rejectBankAccountChange;
    const r = opsActionResponseSchema.parse(await call(route.method, route.path, action));
    console.log(`${r.customerCode}: withdrawal bank account change rejected`);
    break;
  }
  case "margin-approve":
  case "margin-reject": {
    const approve = command === "margin-approve";
    const route = approve ? opsRoutes.approveMarginAccount : opsRoutes.rejectMarginAccount;
    const r = opsActionResponseSchema.parse(await call(route.method, route.path, action));
    console.log(`${r.customerCode}: margin account ${approve ? "opened" : "application declined"}; mailed`);
    break;
  }
  case "passkeys-remove": {
    // Recovery removes a phishing-resistant factor: the operator must record why (the call, the check).
    if (!values.note) fail("passkeys-remove needs --note (the 本人確認 done, e.g. the call reference).");
    const route = opsRoutes.removePasskeys;
    const r = opsActionResponseSchema.parse(await call(route.method, route.path, action));
    console.log(
      r.done === "removed"
        ? `${r.customerCode}: every passkey removed; the customer was notified by mail and registers anew`
        : `${r.customerCode}: had no passkeys`,
    );
    break;
  }
  case "trading-resume": {
    // Lifting re-opens orders and withdrawals: the operator must record the 本人確認 done.
    if (!values.note) fail("trading-resume needs --note (the 本人確認 done, e.g. the call reference).");
    const route = opsRoutes.resumeTrading;
    const r = opsActionResponseSchema.parse(await call(route.method, route.path, action));
    console.log(`${r.customerCode}: 取引停止 lifted; the customer was notified by mail`);
    break;
  }
  case "audit": {
    const limit = values.limit ? `?limit=${encodeURIComponent(values.limit)}` : "";
    const { events } = auditEventListSchema.parse(
      await call(opsRoutes.listAuditEvents.method, opsRoutes.listAuditEvents.path, undefined, limit),
    );
    console.table(
      events.map((e) => ({
        time: e.occurredAt,
        event: e.eventType,
        outcome: e.outcome,
        ip: e.ipAddress ?? "",
        detail: e.detail ? JSON.stringify(e.detail) : "",
      })),
    );
    break;
  }
  case "mail-stuck": {
    const route = opsRoutes.listStuckMail;
    const { messages } = outboxMessageListSchema.parse(await call(route.method, route.path));
    if (messages.length === 0) console.log("No stuck mail.");
    else
      console.table(
        messages.map((m) => ({
          id: m.id,
          type: m.mailType,
          to: m.toAddress,
          status: m.status,
          attempts: m.attempts,
          next: m.nextAttemptAt ?? "",
          error: m.lastError ?? "",
        })),
      );
    break;
  }
  case "mail-retry": {
    await call(opsRoutes.retryMail.method, opsRoutes.retryMail.path);
    console.log(`mail ${argument}: queued again`);
    break;
  }
  case "set-price": {
    const price = Number(secondArgument);
    if (!Number.isInteger(price) || price <= 0) fail(`Invalid price "${secondArgument}": a positive integer (yen)`);
    const route = opsRoutes.setPrice;
    const r = opsMarketResultSchema.parse(await call(route.method, route.path, { operator: env.OPS_OPERATOR, price }));
    console.log(`${r.done}; ${r.filledOrders} order(s) filled`);
    break;
  }
  case "market-tick": {
    // Core-local operator route (not in the contract's opsRoutes).
    const r = opsMarketResultSchema.parse(await call("post", "/ops/market/tick", action));
    console.log(`${r.done}; ${r.filledOrders} order(s) filled`);
    break;
  }
  case "nav-run": {
    const r = opsMarketResultSchema.parse(await call(opsRoutes.runNav.method, opsRoutes.runNav.path, action));
    console.log(`${r.done}; ${r.filledOrders} fund order(s) executed`);
    break;
  }
  case "expire-orders": {
    const route = opsRoutes.expireOrders;
    const r = opsMarketResultSchema.parse(await call(route.method, route.path, action));
    console.log(r.done);
    break;
  }
  default:
    console.error(`Unknown command "${command}".\n\n${usage}`);
    process.exit(2);
}
