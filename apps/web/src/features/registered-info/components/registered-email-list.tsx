import type { RegisteredEmails } from "@kakunin/contracts/registered-info";
import { Button } from "@kakunin/ui/button";
import { DescriptionList } from "@kakunin/ui/description-list";

export type EmailPosition = 1 | 2;

export const emailPositions: readonly EmailPosition[] = [1, 2];

export function emailSlotLabel(position: EmailPosition): string {
  return `メールアドレス${position}`;
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
  return (
    <DescriptionList
      items={emailPositions.map((position) => {
        const address = addressAt(emails, position);
        const label = emailSlotLabel(position);
        return {
          term: label,
          detail: (
            <span className="kk-actions kk-actions--spread">
              <span>{address ?? <span className="kk-text-muted">未登録</span>}</span>
              {/* The visible words start the name (WCAG 2.5.3); the slot makes the two buttons distinct. */}
              <Button variant="secondary" aria-label={`${label}を変更する`} onClick={() => onChange(position)}>
                変更する
              </Button>
            </span>
          ),
        };
      })}
    />
  );
}
