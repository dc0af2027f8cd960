import type { StepUpMethod } from "@kakunin/contracts/step-up";
import { authCodeUi } from "./auth-code.tsx";
import { executionPasswordUi } from "./execution-password.tsx";
import { passkeyUi } from "./passkey.tsx";
import type { StepUpAnswers, StepUpMethodUi } from "./step-up-method-ui.ts";

/**
 * Every step-up method the SPA can ask for, in the order the confirmation shows them.
 * The mapped type makes a method added to the contract fail the typecheck until it has a module here.
 */
const methodUis: { [M in StepUpMethod]: StepUpMethodUi<M> } = {
  execution_password: executionPasswordUi,
  passkey: passkeyUi,
  auth_code: authCodeUi,
};

/** Every known method, in screen order. */
export const knownMethods: readonly StepUpMethodUi[] = Object.values(methodUis);

/** Every method's input, empty: the form's default values. */
export const emptyAnswers = Object.fromEntries(knownMethods.map((method) => [method.field, ""])) as StepUpAnswers;

export type MethodLookup = { ok: true; methods: readonly StepUpMethodUi[] } | { ok: false; unknown: readonly string[] };

/**
 * The modules for the methods the server asks for, in screen order (whatever order the
 * server lists them in). A name without a module is reported, never skipped: the grant
 * would be refused for the answer the screen did not ask for.
 */
export function lookUpMethods(names: readonly string[]): MethodLookup {
  const unknown = names.filter((name) => !Object.hasOwn(methodUis, name));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, methods: knownMethods.filter((method) => names.includes(method.name)) };
}
