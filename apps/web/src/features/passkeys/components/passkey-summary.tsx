import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime } from "../../../lib/format.ts";

/** 種類: a synced passkey lives in a passkey provider on every device of the account; the other on one device. */
export function passkeyKindLabel(passkey: Pick<PasskeyView, "synced">): string {
  return passkey.synced ? "同期" : "この端末のみ";
}

/** 最終利用日時 in Japan time, or 未使用 for a passkey that never signed anything. */
export function lastUsedText(passkey: Pick<PasskeyView, "lastUsedAt">): string {
  return passkey.lastUsedAt ? formatJstDateTime(passkey.lastUsedAt) : "未使用";
}

/** One passkey as the confirmation and the completion show it (dates in Japan time). */
export function PasskeySummary({ passkey }: { passkey: PasskeyView }) {
  return (
    <DescriptionList
      items={[
        { term: "パスキー名", detail: passkey.name },
        { term: "種類", detail: passkeyKindLabel(passkey) },
        { term: "登録日時", detail: <time dateTime={passkey.createdAt}>{formatJstDateTime(passkey.createdAt)}</time> },
        { term: "最終利用日時", detail: lastUsedText(passkey) },
        ...(passkey.suspended ? [{ term: "状態", detail: "利用停止中" }] : []),
      ]}
    />
  );
}
