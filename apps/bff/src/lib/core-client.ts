import { type CoreRouteName, type CoreRoutes, coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import type { z } from "zod";
import { ApiError } from "./api-error.ts";

type Output<N extends CoreRouteName> = z.infer<CoreRoutes[N]["response"]>;
type Part<R, K extends "params" | "query" | "body"> = R extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What calling route `N` takes, typed from the route's schemas in the contract. */
export type CoreCallInput<N extends CoreRouteName> = Part<CoreRoutes[N], "params"> &
  Part<CoreRoutes[N], "query"> &
  Part<CoreRoutes[N], "body"> &
  CallOptions;

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

  /** Calls core's route `name` (a key of the contract's `coreRoutes`) for this request. */
  async function call<N extends CoreRouteName>(name: N, input: CoreCallInput<N>): Promise<Output<N>> {
    const opts: CallOptions = input;
    const params = input.params as Record<string, string> | undefined;
    const query = input.query as Record<string, string> | undefined;
    const route = coreRoutes[name];
    const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = params?.[key];
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
      for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
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

  return { call };
}

export type CoreClient = ReturnType<typeof createCoreClient>;
