import { PASSKEY_LIMIT } from "@kakunin/contracts/passkeys";
import { Button } from "@kakunin/ui/button";
import { useId } from "react";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { passkeysCatalog } from "../i18n.ts";

export interface PasskeyRegisterActionProps {
  /** How many passkeys the customer has; undefined while the list is not read. */
  count: number | undefined;
  /** Whether this browser can create a passkey at all (WebAuthn). */
  supported: boolean;
  onRegister: () => void;
}

/** Why 登録する cannot be used now, said beside it rather than letting the customer fail later. */
function blockedReason(
  { count, supported }: Pick<PasskeyRegisterActionProps, "count" | "supported">,
  t: Translate,
): string | null {
  if (!supported) return t("passkeys.register.unsupported");
  if (count !== undefined && count >= PASSKEY_LIMIT) return t("passkeys.register.atLimit", { limit: PASSKEY_LIMIT });
  return null;
}

/** 登録する, disabled with its reason at the limit of 10 or without WebAuthn. */
export function PasskeyRegisterAction({ count, supported, onRegister }: PasskeyRegisterActionProps) {
  const { t } = useT(passkeysCatalog);
  const reasonId = useId();
  const reason = blockedReason({ count, supported }, t);
  return (
    <div className="kk-stack">
      <div className="kk-actions">
        <Button
          disabled={reason !== null || count === undefined}
          aria-describedby={reason === null ? undefined : reasonId}
          onClick={onRegister}
        >
          {t("passkeys.register.submit")}
        </Button>
      </div>
      {reason !== null ? (
        <p id={reasonId} className="kk-text-sm">
          {reason}
        </p>
      ) : (
        count !== undefined && (
          <p className="kk-text-sm kk-text-muted">
            {t("passkeys.register.remaining", { limit: PASSKEY_LIMIT, remaining: PASSKEY_LIMIT - count })}
          </p>
        )
      )}
    </div>
  );
}
