import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { passkeysCatalog } from "../i18n.ts";

/** 種類: a synced passkey lives in a passkey provider on every device of the account; the other on one device. */
export function passkeyKindLabel(passkey: Pick<PasskeyView, "synced">, t: Translate): string {
  return passkey.synced ? t("passkeys.kind.synced") : t("passkeys.kind.thisDevice");
}

/** 最終利用日時 in Japan time, or 未使用 for a passkey that never signed anything. */
export function lastUsedText(passkey: Pick<PasskeyView, "lastUsedAt">, t: Translate): string {
  return passkey.lastUsedAt ? formatJstDateTime(passkey.lastUsedAt) : t("passkeys.neverUsed");
}

/** One passkey as the confirmation and the completion show it (dates in Japan time). */
export function PasskeySummary({ passkey }: { passkey: PasskeyView }) {
  const { t } = useT(passkeysCatalog);
  return (
    <DescriptionList
      items={[
        { term: t("passkeys.name"), detail: passkey.name },
        { term: t("passkeys.summary.kind"), detail: passkeyKindLabel(passkey, t) },
        {
          term: t("passkeys.summary.createdAt"),
          detail: <time dateTime={passkey.createdAt}>{formatJstDateTime(passkey.createdAt)}</time>,
        },
        { term: t("passkeys.summary.lastUsedAt"), detail: lastUsedText(passkey, t) },
        ...(passkey.suspended ? [{ term: t("passkeys.summary.state"), detail: t("passkeys.suspended") }] : []),
      ]}
    />
  );
}
