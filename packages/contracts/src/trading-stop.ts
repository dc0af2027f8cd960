import { z } from "zod";
import type { RouteDescriptor } from "./core-api.ts";
import { clientContextSchema, customerPathSchema } from "./core-api-customer.ts";
import type { StepUpOperation } from "./operations.ts";

/**
 * 取引停止 (R33): the customer's own emergency stop of trading and withdrawals. Stopping is
 * one confirmation without a password (an attacker who stops the account harms nothing);
 * only an operator lifts it, after 本人確認 on the phone.
 */
export const tradingStopSchema = z.object({
  stopped: z.boolean(),
  stoppedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The お客様サポートセンター number to call to lift the stop (core's SUPPORT_PHONE). */
  supportPhone: z.string(),
});
export type TradingStop = z.infer<typeof tradingStopSchema>;

/** Browser → BFF: the customer confirmed the stop (the body proves it was a deliberate JSON request). */
export const tradingStopRequestSchema = z.strictObject({ confirm: z.literal(true) });

/** BFF → core. */
export const stopTradingCoreRequestSchema = z.strictObject({ client: clientContextSchema });

/**
 * The guarded operations a stopped account refuses. 注文の取消 stays allowed: cancelling only
 * lowers the customer's exposure, and a customer who fears misuse must be able to withdraw
 * an attacker's open order. Viewing and 口座情報/配信設定 changes are not money movements.
 */
export const stoppedOperations = [
  "place_order",
  "modify_order",
  "withdrawal",
  "change_bank_account",
  "change_email",
  "apply_margin_account",
  "register_passkey",
  "delete_passkey",
] as const satisfies readonly StepUpOperation[];

/** What a stopped account refuses besides the guarded operations: password changes. */
export type StoppedAction = (typeof stoppedOperations)[number] | "change_login_password" | "change_execution_password";

export const tradingStopCoreRoutes = {
  getTradingStop: {
    method: "get",
    path: "/v1/customers/{customerId}/trading-stop",
    summary: "Whether the customer's trading is stopped (取引停止, R33) and the support number",
    params: customerPathSchema,
    response: tradingStopSchema,
    errors: [404],
  },
  stopTrading: {
    method: "post",
    path: "/v1/customers/{customerId}/trading-stop",
    summary: "The customer stops trading (取引停止, R33): idempotent; mailed (always) when it takes effect",
    params: customerPathSchema,
    body: stopTradingCoreRequestSchema,
    response: tradingStopSchema,
    errors: [404],
  },
} as const satisfies Record<string, RouteDescriptor>;
