import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId, useState } from "react";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { useRenamePasskey } from "../api/rename-passkey.ts";
import { passkeysCatalog } from "../i18n.ts";
import { PasskeyNameForm } from "./passkey-name-form.tsx";
import { lastUsedText, passkeyKindLabel } from "./passkey-summary.tsx";

const COLUMNS = 5;

function PasskeyRow({
  passkey,
  onRename,
  onDelete,
}: {
  passkey: PasskeyView;
  onRename: () => void;
  onDelete: () => void;
}) {
  const { t } = useT(passkeysCatalog);
  return (
    <tr>
      <th scope="row">
        {passkey.name}
        {passkey.suspended && (
          <>
            {" "}
            <span className="kk-badge kk-badge--failure">{t("passkeys.suspended")}</span>
            <p className="kk-text-sm">{t("passkeys.suspendedNote")}</p>
          </>
        )}
      </th>
      <td data-label={t("passkeys.summary.kind")}>{passkeyKindLabel(passkey, t)}</td>
      <td data-label={t("passkeys.summary.createdAt")} className="kk-table__nowrap">
        <time dateTime={passkey.createdAt}>{formatJstDateTime(passkey.createdAt)}</time>
      </td>
      <td data-label={t("passkeys.table.lastUsed")} className="kk-table__nowrap">
        {passkey.lastUsedAt ? (
          <time dateTime={passkey.lastUsedAt}>{lastUsedText(passkey, t)}</time>
        ) : (
          lastUsedText(passkey, t)
        )}
      </td>
      <td data-label={t("passkeys.table.actions")} className="kk-table__actions">
        <div className="kk-actions">
          <Button variant="secondary" onClick={onRename}>
            {t("passkeys.table.rename")}
          </Button>
          <Button variant="secondary" onClick={onDelete}>
            {t("passkeys.table.delete")}
          </Button>
        </div>
      </td>
    </tr>
  );
}

export interface PasskeyTableProps {
  passkeys: readonly PasskeyView[];
  /** 削除: the screen opens the confirmation of this passkey's deletion. */
  onDelete: (passkey: PasskeyView) => void;
}

/**
 * The customer's passkeys (dates in Japan time), each with 名前の変更 (inline, not guarded:
 * a name unlocks nothing) and 削除 (a guarded operation the screen confirms).
 */
export function PasskeyTable({ passkeys, onDelete }: PasskeyTableProps) {
  const { t } = useT(passkeysCatalog);
  const captionId = useId();
  const rename = useRenamePasskey();
  const [editing, setEditing] = useState<string | null>(null);
  const [renamed, setRenamed] = useState<string | null>(null);

  return (
    <div className="kk-stack">
      {renamed !== null && (
        <Alert variant="success">
          <p>{t("passkeys.table.renamed", { name: renamed })}</p>
        </Alert>
      )}
      <TableRegion labelledBy={captionId}>
        <table className="kk-table kk-table--cards">
          <caption id={captionId}>{t("passkeys.table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("passkeys.name")}</th>
              <th scope="col">{t("passkeys.summary.kind")}</th>
              <th scope="col">{t("passkeys.summary.createdAt")}</th>
              <th scope="col">{t("passkeys.summary.lastUsedAt")}</th>
              <th scope="col">{t("passkeys.table.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((passkey) =>
              editing === passkey.id ? (
                <tr key={passkey.id}>
                  <td colSpan={COLUMNS}>
                    <PasskeyNameForm
                      label={t("passkeys.table.renameFormLabel", { name: passkey.name })}
                      defaultName={passkey.name}
                      submitLabel={t("passkeys.table.renameSubmit")}
                      autoFocus
                      onSubmit={async (name) => {
                        const view = await rename.mutateAsync({ passkeyId: passkey.id, name });
                        setEditing(null);
                        setRenamed(view.name);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <PasskeyRow
                  key={passkey.id}
                  passkey={passkey}
                  onRename={() => {
                    setRenamed(null);
                    setEditing(passkey.id);
                  }}
                  onDelete={() => onDelete(passkey)}
                />
              ),
            )}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
