import { PASSKEY_LIMIT } from "@kakunin/contracts/passkeys";
import { Button } from "@kakunin/ui/button";
import { useId } from "react";

export interface PasskeyRegisterActionProps {
  /** How many passkeys the customer has; undefined while the list is not read. */
  count: number | undefined;
  /** Whether this browser can create a passkey at all (WebAuthn). */
  supported: boolean;
  onRegister: () => void;
}

/** Why 登録する cannot be used now, said beside it rather than letting the customer fail later. */
function blockedReason({ count, supported }: Pick<PasskeyRegisterActionProps, "count" | "supported">) {
  if (!supported) {
    return "お使いのブラウザはパスキーに対応していないため、この端末では登録できません。パスキーに対応したブラウザ（最新のChrome、Safari、Edgeなど）でお手続きください。";
  }
  if (count !== undefined && count >= PASSKEY_LIMIT) {
    return `パスキーは${PASSKEY_LIMIT}件まで登録できます。新しく登録するには、使わなくなったパスキーを削除してください。`;
  }
  return null;
}

/** 登録する, disabled with its reason at the limit of 10 or without WebAuthn. */
export function PasskeyRegisterAction({ count, supported, onRegister }: PasskeyRegisterActionProps) {
  const reasonId = useId();
  const reason = blockedReason({ count, supported });
  return (
    <div className="kk-stack">
      <div className="kk-actions">
        <Button
          disabled={reason !== null || count === undefined}
          aria-describedby={reason === null ? undefined : reasonId}
          onClick={onRegister}
        >
          登録する
        </Button>
      </div>
      {reason !== null ? (
        <p id={reasonId} className="kk-text-sm">
          {reason}
        </p>
      ) : (
        count !== undefined && (
          <p className="kk-text-sm kk-text-muted">
            パスキーは{PASSKEY_LIMIT}件まで登録できます（あと{PASSKEY_LIMIT - count}件）。
          </p>
        )
      )}
    </div>
  );
}
