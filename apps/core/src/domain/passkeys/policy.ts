import type { StepUpOperation } from "@kakunin/contracts/step-up";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { usablePasskeyCount } from "./common.ts";

/**
 * What the passkey policy (issue 14, services.passkeyPolicy) asks of one confirmation:
 * `passkey` — the customer has a usable passkey and the operation is one the policy guards;
 * `registration_required` — the customer has none, the operation is enforced and the
 * enforcement date has come at the customer's now: refused until they register one;
 * null — the passkey plays no part.
 */
export type PasskeyDemand = "passkey" | "registration_required" | null;

export async function passkeyDemand(
  db: Db | Tx,
  services: CoreServices,
  customerId: string,
  operation: StepUpOperation,
): Promise<PasskeyDemand> {
  const policy = services.passkeyPolicy;
  const guarded = policy.stepUpOperations.includes(operation);
  const enforced = policy.enforcedOperations.includes(operation);
  if (!guarded && !enforced) return null;
  const usable = await usablePasskeyCount(db, customerId);
  // An enforced operation needs the passkey once the customer has one, listed as guarded or not.
  if (usable > 0) return "passkey";
  // Registering can never need a passkey one does not have (env.ts refuses that setting too).
  if (!enforced || operation === "register_passkey") return null;
  return services.clock.now(customerId) >= policy.enforcementDate ? "registration_required" : null;
}

export const registrationRequired = () => new AppError("passkey_registration_required", 403);

/**
 * Whether a password login must be refused (passkey_login_required): the policy asks for
 * passkey login and the customer has a usable passkey. A customer whose passkeys are all
 * suspended still logs in with the password, so they can delete those and register anew.
 */
export async function passwordLoginRefused(db: Db | Tx, services: CoreServices, customerId: string) {
  return services.passkeyPolicy.loginRequired && (await usablePasskeyCount(db, customerId)) > 0;
}
