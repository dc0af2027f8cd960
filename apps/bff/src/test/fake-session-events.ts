import {
  coreRoutes,
  type RecordSessionEventRequest,
  recordSessionEventRequestSchema,
} from "@kakunin/contracts/core-api";
import { errorBody } from "@kakunin/contracts/error-body";
import type { Hono } from "hono";

const toHono = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/**
 * Core's session-event audit route (R32): records each report the BFF sends, checked with the
 * contract's schema; `down` answers 500 as a failing audit trail would.
 */
export function installFakeSessionEvents(app: Hono, knownCustomer: (id: string) => boolean) {
  const events: (RecordSessionEventRequest & { customerId: string })[] = [];
  const state = { down: false };
  app.post(toHono(coreRoutes.recordSessionEvent.path), async (c) => {
    if (state.down) return c.json(errorBody("internal_error"), 500);
    const customerId = c.req.param("customerId") ?? "";
    if (!knownCustomer(customerId)) return c.json(errorBody("not_found"), 404);
    events.push({ customerId, ...recordSessionEventRequestSchema.parse(await c.req.json()) });
    return c.json({ recorded: true });
  });
  return { events, state };
}
