import type { Notice } from "@kakunin/contracts/customers";
import type { Locale } from "@kakunin/contracts/locale";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { contractsTranslator } from "@kakunin/contracts/translator";
import { formatJstDateTime } from "@kakunin/format/jst";
import type { CoreServices } from "../../lib/types.ts";

/** How the notice names each operation, in the reader's language (R36). */
const operationIds: Record<StepUpOperation, string> = {
  view_registered_info: "server.operations.view_registered_info",
  change_profile: "server.operations.change_profile",
  change_email: "server.operations.change_email",
  change_mail_settings: "server.operations.change_mail_settings",
  withdrawal: "server.operations.withdrawal",
  change_bank_account: "server.operations.change_bank_account",
  place_order: "server.operations.place_order",
  modify_order: "server.operations.modify_order",
  cancel_order: "server.operations.cancel_order",
  apply_margin_account: "server.operations.apply_margin_account",
  register_passkey: "server.operations.register_passkey",
  delete_passkey: "server.operations.delete_passkey",
};

/** 「出金・出金先口座の変更」 in Japanese, as the notice always listed them; an English list in English. */
function listOperations(operations: readonly StepUpOperation[], locale: Locale): string {
  const names = operations.map((o) => contractsTranslator.t(locale, operationIds[o]));
  return locale === "ja" ? names.join("・") : new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
}

/**
 * お知らせ「パスキー登録のお願い」 (issue 14): shown to a customer with no usable passkey (none,
 * or all suspended), with the steps to register one and, where the policy enforces it, the
 * date from which the enforced operations need one. Gone once they have a usable passkey:
 * domain/notices.ts counts them in its one query and calls this only when there is none.
 */
export function buildPasskeyRegistrationNotice(services: CoreServices, customerId: string, locale: Locale): Notice {
  const { enforcedOperations, enforcementDate } = services.passkeyPolicy;
  // "2027/04/01 00:00" in Japan time: the minute is enough for a date customers plan around.
  const when = formatJstDateTime(enforcementDate).slice(0, 16);
  const body = contractsTranslator.t(locale, "server.notices.passkeyRegistration.body");
  const enforced =
    enforcedOperations.length > 0
      ? contractsTranslator.t(locale, "server.notices.passkeyRegistration.enforced", {
          when,
          operations: listOperations(enforcedOperations, locale),
        })
      : undefined;
  return {
    id: "passkey-registration",
    kind: "important",
    title: contractsTranslator.t(locale, "server.notices.passkeyRegistration.title"),
    body: enforced ? `${body}\n\n${enforced}` : body,
    publishedAt: services.clock.now(customerId).toISOString(),
  };
}
