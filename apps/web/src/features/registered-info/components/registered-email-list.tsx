import type { RegisteredEmails } from "@kakunin/contracts/registered-info";
import { Button } from "@kakunin/ui/button";
import { DescriptionList } from "@kakunin/ui/description-list";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { registeredInfoCatalog } from "../i18n.ts";

export type EmailPosition = 1 | 2;

export const emailPositions: readonly EmailPosition[] = [1, 2];

/** メールアドレス1 / Email address 1, with the caller's translator (registeredInfoCatalog). */
export function emailSlotLabel(position: EmailPosition, t: Translate): string {
  return t("registeredInfo.email.slot", { position });
}

export function addressAt(emails: RegisteredEmails, position: EmailPosition): string | null {
  return emails.addresses.find((entry) => entry.position === position)?.address ?? null;
}

export interface RegisteredEmailListProps {
  emails: RegisteredEmails;
  onChange: (position: EmailPosition) => void;
}

/** メールアドレス1 and 2 (未登録 when empty), each with its own 変更する. */
export function RegisteredEmailList({ emails, onChange }: RegisteredEmailListProps) {
  const { t } = useT(registeredInfoCatalog);
  return (
    <DescriptionList
      items={emailPositions.map((position) => {
        const address = addressAt(emails, position);
        return {
          term: emailSlotLabel(position, t),
          detail: (
            <span className="kk-actions kk-actions--spread">
              <span>{address ?? <span className="kk-text-muted">{t("registeredInfo.notRegistered")}</span>}</span>
              {/* The visible words start the name (WCAG 2.5.3); the slot makes the two buttons distinct. */}
              <Button
                variant="secondary"
                aria-label={t("registeredInfo.email.changeSlot", { position })}
                onClick={() => onChange(position)}
              >
                {t("registeredInfo.change")}
              </Button>
            </span>
          ),
        };
      })}
    />
  );
}
