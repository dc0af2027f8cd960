import { coreRoutes, requestBankAccountChangeCoreRequestSchema } from "@kakunin/contracts/core-api";
import { previousLoginQuerySchema } from "@kakunin/contracts/customers";
import { errorBody } from "@kakunin/contracts/error-body";
import type { Hono } from "hono";

const toHono = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/**
 * The fake core's 出金先口座変更 (R39: 本人名義 only, registered as ヤマダ タロウ; the fake
 * compares without spaces, core's real normalisation is tested in core) and 前回ログイン (R42).
 */
export function installFakeOwnName(app: Hono) {
  const registeredKana = "ヤマダ タロウ";
  const state = {
    checks: 0,
    requests: 0,
    /** What 前回ログイン answers; null: the first login. */
    previousLogin: {
      at: "2026-11-24T01:02:03.000Z",
      outcome: "success" as const,
      ipAddress: "198.51.100.7",
      userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    } as null | { at: string; outcome: "success"; ipAddress: string | null; userAgent: string | null },
    /** The session start the BFF last asked about. */
    sessionStartedAt: undefined as string | undefined,
  };
  const refusal = (holderKana: string) =>
    holderKana.replace(/[\s\u3000]/g, "") === registeredKana.replace(/\s/g, "")
      ? null
      : errorBody("validation_failed", {
          fields: [
            { path: "holderKana", message: `口座名義（カナ）がご登録のお名前（${registeredKana}）と一致しません。` },
          ],
        });
  app.post(toHono(coreRoutes.checkBankAccountChange.path), async (c) => {
    const body = requestBankAccountChangeCoreRequestSchema.parse(await c.req.json());
    state.checks++;
    const refused = refusal(body.change.holderKana);
    return refused ? c.json(refused, 400) : c.json({ ok: true });
  });
  app.post(toHono(coreRoutes.requestBankAccountChange.path), async (c) => {
    const body = requestBankAccountChangeCoreRequestSchema.parse(await c.req.json());
    const refused = refusal(body.change.holderKana);
    if (refused) return c.json(refused, 400);
    state.requests++;
    const { accountNumber, ...rest } = body.change;
    return c.json(
      {
        id: "5d6b1c1e-8f0a-4c55-9a3e-2b7c9d0e1f21",
        status: "申請中",
        requestedAt: "2026-11-25T00:00:00.000Z",
        decidedAt: null,
        ...rest,
        accountNumberMasked: `****${accountNumber.slice(-3)}`,
      },
      201,
    );
  });
  app.get(toHono(coreRoutes.getPreviousLogin.path), (c) => {
    state.sessionStartedAt = previousLoginQuerySchema.parse(c.req.query()).sessionStartedAt;
    return c.json({ previousLogin: state.previousLogin });
  });
  return state;
}
