import {
  type ClientContext,
  type CoreRouteName,
  type CoreRoutes,
  coreRoutes,
  type RecordLoginThrottleRequest,
  type VerifyExecutionPasswordRequest,
  type VerifyLoginRequest,
} from "@kakunin/contracts/core-api";
import type { ChangeExecutionPasswordRequest, ChangeLoginPasswordRequest } from "@kakunin/contracts/credentials";
import { errorBodySchema } from "@kakunin/contracts/errors";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import type { z } from "zod";
import { ApiError } from "./api-error.ts";

type Output<N extends CoreRouteName> = z.infer<CoreRoutes[N]["response"]>;

/** A non-2xx answer from core that carries its error body (e.g. invalid_credentials). */
export class CoreError extends Error {
  constructor(
    readonly status: number,
    readonly body: z.infer<typeof errorBodySchema>,
    /** Core's Retry-After in seconds (with busy / attempt_in_progress), passed on to the browser. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`core answered ${status} ${body.error.code}`);
  }
}

/**
 * Core's own refusal to evaluate a password now (its hash gate, issue 12): retryable, and
 * nothing was counted, so it is passed on as it is rather than as "core unavailable".
 */
const passedOnRefusals = new Set(["busy", "attempt_in_progress"]);

function retryAfterOf(res: Response): number | undefined {
  const value = Number(res.headers.get("retry-after"));
  return Number.isInteger(value) && value >= 0 && value <= 3600 ? value : undefined;
}

export interface CoreClientOptions {
  baseUrl: string;
  serviceToken: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  requestId?: string | undefined;
}

/**
 * The BFF's only way to reach core: calls the contract's routes, authenticates with the
 * service credential, never forwards browser cookies, and validates every answer against
 * the contract. Core unreachable, slow or broken becomes 503 `upstream_unavailable`.
 */
export function createCoreClient(options: CoreClientOptions) {
  const doFetch = options.fetch ?? fetch;

  async function call<N extends CoreRouteName>(
    name: N,
    input: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown },
    opts: CallOptions,
  ): Promise<Output<N>> {
    const route = coreRoutes[name];
    const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = input.params?.[key];
      if (value === undefined) throw new Error(`missing path parameter ${key} for ${name}`);
      return encodeURIComponent(value);
    });
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.serviceToken}`,
      accept: "application/json",
    };
    if (opts.requestId) headers["x-request-id"] = opts.requestId;
    if (input.body !== undefined) headers["content-type"] = "application/json";

    let res: Response;
    try {
      const url = new URL(path, options.baseUrl);
      for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, v);
      res = await doFetch(url, {
        method: route.method.toUpperCase(),
        headers,
        body: input.body === undefined ? null : JSON.stringify(input.body),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: "error",
      });
    } catch {
      throw new ApiError("upstream_unavailable", 503);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (res.ok) {
      const parsed = route.response.safeParse(json);
      if (!parsed.success) throw new ApiError("upstream_unavailable", 503);
      return parsed.data as Output<N>;
    }
    const error = errorBodySchema.safeParse(json);
    if (!error.success) throw new ApiError("upstream_unavailable", 503);
    if (passedOnRefusals.has(error.data.error.code) && (res.status === 429 || res.status === 503)) {
      throw new CoreError(res.status, error.data, retryAfterOf(res));
    }
    if (res.status >= 500) throw new ApiError("upstream_unavailable", 503);
    throw new CoreError(res.status, error.data);
  }

  return {
    verifyLogin: (body: VerifyLoginRequest, opts: CallOptions = {}) => call("verifyLogin", { body }, opts),
    recordLoginThrottle: (body: RecordLoginThrottleRequest, opts: CallOptions = {}) =>
      call("recordLoginThrottle", { body }, opts),
    getCustomer: (customerId: string, opts: CallOptions = {}) => call("getCustomer", { params: { customerId } }, opts),
    listNotices: (customerId: string, opts: CallOptions = {}) => call("listNotices", { params: { customerId } }, opts),
    getLoginHistory: (customerId: string, opts: CallOptions = {}) =>
      call("getLoginHistory", { params: { customerId } }, opts),
    getCredentialStatus: (customerId: string, opts: CallOptions = {}) =>
      call("getCredentialStatus", { params: { customerId } }, opts),
    verifyExecutionPassword: (customerId: string, body: VerifyExecutionPasswordRequest, opts: CallOptions = {}) =>
      call("verifyExecutionPassword", { params: { customerId }, body }, opts),
    changeExecutionPassword: (
      customerId: string,
      body: { request: ChangeExecutionPasswordRequest; client: ClientContext },
      opts: CallOptions = {},
    ) => call("changeExecutionPassword", { params: { customerId }, body }, opts),
    getStepUpRequirements: (customerId: string, operation: StepUpOperation, opts: CallOptions = {}) =>
      call("getStepUpRequirements", { params: { customerId }, query: { operation } }, opts),
    issueAuthCode: (customerId: string, body: z.input<CoreRoutes["issueAuthCode"]["body"]>, opts: CallOptions = {}) =>
      call("issueAuthCode", { params: { customerId }, body }, opts),
    verifyStepUp: (customerId: string, body: z.input<CoreRoutes["verifyStepUp"]["body"]>, opts: CallOptions = {}) =>
      call("verifyStepUp", { params: { customerId }, body }, opts),
    getProfile: (customerId: string, opts: CallOptions = {}) => call("getProfile", { params: { customerId } }, opts),
    changeProfile: (customerId: string, body: z.input<CoreRoutes["changeProfile"]["body"]>, opts: CallOptions = {}) =>
      call("changeProfile", { params: { customerId }, body }, opts),
    listAccountOpenings: (customerId: string, opts: CallOptions = {}) =>
      call("listAccountOpenings", { params: { customerId } }, opts),
    getEmails: (customerId: string, opts: CallOptions = {}) => call("getEmails", { params: { customerId } }, opts),
    changeEmail: (customerId: string, body: z.input<CoreRoutes["changeEmail"]["body"]>, opts: CallOptions = {}) =>
      call("changeEmail", { params: { customerId }, body }, opts),
    getMailSettings: (customerId: string, opts: CallOptions = {}) =>
      call("getMailSettings", { params: { customerId } }, opts),
    changeMailSetting: (
      customerId: string,
      body: z.input<CoreRoutes["changeMailSetting"]["body"]>,
      opts: CallOptions = {},
    ) => call("changeMailSetting", { params: { customerId }, body }, opts),
    getWithdrawalOverview: (customerId: string, opts: CallOptions = {}) =>
      call("getWithdrawalOverview", { params: { customerId } }, opts),
    listWithdrawals: (customerId: string, opts: CallOptions = {}) =>
      call("listWithdrawals", { params: { customerId } }, opts),
    createWithdrawal: (
      customerId: string,
      body: z.input<CoreRoutes["createWithdrawal"]["body"]>,
      opts: CallOptions = {},
    ) => call("createWithdrawal", { params: { customerId }, body }, opts),
    requestBankAccountChange: (
      customerId: string,
      body: z.input<CoreRoutes["requestBankAccountChange"]["body"]>,
      opts: CallOptions = {},
    ) => call("requestBankAccountChange", { params: { customerId }, body }, opts),
    applyMarginAccount: (
      customerId: string,
      body: z.input<CoreRoutes["applyMarginAccount"]["body"]>,
      opts: CallOptions = {},
    ) => call("applyMarginAccount", { params: { customerId }, body }, opts),
    listInstruments: (opts: CallOptions = {}) => call("listInstruments", {}, opts),
    placeOrder: (customerId: string, body: z.input<CoreRoutes["placeOrder"]["body"]>, opts: CallOptions = {}) =>
      call("placeOrder", { params: { customerId }, body }, opts),
    modifyOrder: (
      customerId: string,
      orderNumber: string,
      body: z.input<CoreRoutes["modifyOrder"]["body"]>,
      opts: CallOptions = {},
    ) => call("modifyOrder", { params: { customerId, orderNumber }, body }, opts),
    cancelOrder: (
      customerId: string,
      orderNumber: string,
      body: z.input<CoreRoutes["cancelOrder"]["body"]>,
      opts: CallOptions = {},
    ) => call("cancelOrder", { params: { customerId, orderNumber }, body }, opts),
    listOrders: (customerId: string, opts: CallOptions = {}) => call("listOrders", { params: { customerId } }, opts),
    getBalances: (customerId: string, opts: CallOptions = {}) => call("getBalances", { params: { customerId } }, opts),
    changeLoginPassword: (
      customerId: string,
      body: { request: ChangeLoginPasswordRequest; client: ClientContext },
      opts: CallOptions = {},
    ) => call("changeLoginPassword", { params: { customerId }, body }, opts),
  };
}

export type CoreClient = ReturnType<typeof createCoreClient>;
export type { ClientContext };
