import { randomBytes, randomUUID } from "node:crypto";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import type { CreateTestCustomerRequest, CreateTestCustomerResponse } from "@kakunin/contracts/test-support";
import {
  type ApiRoute,
  bodyBytes,
  exampleBodies,
  type FuzzCustomer,
  type FuzzRequest,
  requestArbitrary,
  resolvePlaceholders,
  routeKey,
  unknownPathArbitrary,
} from "./fuzz-kit.ts";
import type { createGrantMinter } from "./grants.ts";

type GrantMinter = ReturnType<typeof createGrantMinter>;

/**
 * How a fuzz runner reaches core as the BFF's service: the in-process test (core on PGlite)
 * and the bench (a started core over HTTP) each pass their own, so the customer they fuzz
 * with is set up the same way.
 */
export interface FuzzCore {
  createCustomer(options: CreateTestCustomerRequest): Promise<CreateTestCustomerResponse>;
  /** Core's JSON answer to a service-authorised request. */
  json(path: string, init?: { method?: string; json?: unknown }): Promise<unknown>;
}

/** Core's body placing the example order (an open limit order), under a new request key. */
export const examplePlacement = () => ({
  request: exampleStockOrder,
  requestKey: randomUUID(),
  client: { ipAddress: null, userAgent: null },
});

/** A fresh customer per route (its password changes and lock stay its own) with an open limit order. */
export async function fuzzedCustomer(core: FuzzCore, route: ApiRoute | null) {
  const created = await core.createCustomer(
    route?.path === "/api/step-up/challenges"
      ? {
          // Codes on, so core's code issue and its mail (which quote the payload) are fuzzed too.
          mailSettings: [
            { type: "withdrawal_auth_code", enabled: true, destination: 1 },
            { type: "view_auth_code", enabled: true, destination: 1 },
          ],
        }
      : {},
  );
  const id = created.customer.id;
  const { bankAccount } = (await core.json(`/v1/customers/${id}/withdrawal-overview`)) as {
    bankAccount: { id: string };
  };
  const { orderNumber } = (await core.json(`/v1/customers/${id}/orders`, {
    method: "POST",
    json: examplePlacement(),
  })) as { orderNumber: string };
  const customer: FuzzCustomer = {
    customerCode: created.customer.customerCode,
    bankAccountId: bankAccount.id,
    orderNumber,
  };
  return {
    created,
    customer,
    secrets: { loginPassword: created.loginPassword, executionPassword: created.executionPassword },
  };
}

export type FuzzedCustomer = Awaited<ReturnType<typeof fuzzedCustomer>>;

/**
 * The body with the customer's current secrets put in, and the cookies the request's
 * identity calls for: a forged session, a live one (`session()` opens or returns it), and for
 * `granted` also the viewing window, the pending confirmation and a grant bound to the body;
 * `bytes` is what goes on the wire (nothing for GET and HEAD).
 */
export async function preparedRequest(
  req: FuzzRequest,
  secrets: FuzzedCustomer["secrets"],
  session: () => Promise<string>,
  grants: Pick<GrantMinter, "grantFor" | "viewingWindow" | "pendingConfirmation">,
) {
  const body =
    req.body.kind === "json"
      ? { kind: "json" as const, value: resolvePlaceholders(req.body.value, secrets) }
      : req.body;
  const cookies: string[] = [];
  let grant: { jti: string; cookie: string } | null = null;
  if (req.identity === "forged") cookies.push(`__Host-kakunin-session=${randomBytes(32).toString("base64url")}`);
  if (req.identity === "session" || req.identity === "granted") {
    const sid = await session();
    cookies.push(`__Host-kakunin-session=${sid}`);
    if (req.identity === "granted") {
      cookies.push(await grants.viewingWindow(sid), await grants.pendingConfirmation(sid));
      grant = body.kind === "json" ? await grants.grantFor(sid, body.value) : null;
      if (grant) cookies.push(grant.cookie);
    }
  }
  cookies.push(...req.extraCookies);
  const bytes = req.method === "GET" || req.method === "HEAD" ? null : bodyBytes(body);
  return { body, bytes, cookies, grant };
}

/** The requests fuzzed at `route` (built from its example bodies for the customer), or at unknown paths for null. */
export function arbitraryFor(route: ApiRoute | null, customer: FuzzCustomer) {
  return route ? requestArbitrary(route, exampleBodies(customer)[routeKey(route)] ?? []) : unknownPathArbitrary;
}
