import { randomUUID } from "node:crypto";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import type { CreateTestCustomerRequest, CreateTestCustomerResponse } from "@kakunin/contracts/test-support";
import type { ApiRoute, FuzzCustomer } from "./fuzz-kit.ts";

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
