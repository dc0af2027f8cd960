import { operationDefinitions, type StepUpOperation } from "@kakunin/contracts/operations";
import { describe, expect, it } from "vitest";
import { createTestBff, readError } from "../../test/harness.ts";

const PASSKEY_ID = "0b7c1f4e-1a2b-4c3d-8e9f-000000000001";

/** The BFF routes each guarded operation's definition names exist and are guarded by it. */
describe("guarded operation definitions match the BFF's routes", () => {
  for (const operation of Object.keys(operationDefinitions) as StepUpOperation[]) {
    const definition = operationDefinitions[operation];
    for (const route of definition.bffRoutes) {
      const path = `/api${route.path.replace(":orderNumber", "1").replace(":passkeyId", PASSKEY_ID)}`;
      it(`${operation}: ${route.method.toUpperCase()} ${route.path}`, async () => {
        const bff = createTestBff();
        const { cookie } = await bff.login();
        const res = await bff.request(path, { method: route.method.toUpperCase(), cookie });
        if (definition.grant === "window") {
          // Viewing needs the operation's window grant.
          expect(res.status).toBe(403);
          expect(await readError(res)).toMatchObject({ code: "step_up_required", stepUp: { operation } });
        } else {
          // The route exists and, like every guarded change, takes JSON only.
          expect(res.status).toBe(415);
        }
      });
    }
  }
});
