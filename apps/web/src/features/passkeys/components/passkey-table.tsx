import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId, useState } from "react";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useRenamePasskey } from "../api/rename-passkey.ts";
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
  return (
    <tr>
      <th scope="row">
        {passkey.name}
        {passkey.suspended && (
          <>
            {" "}
            <span className="kk-badge kk-badge--failure">利用停止中</span>
            <p className="kk-text-sm">
              不正に複製された可能性があるため、安全のため利用を停止しました。このパスキーではログインや確認ができません。削除してください。
            </p>
          </>
        )}
      </th>
      <td data-label="種類">{passkeyKindLabel(passkey)}</td>
      <td data-label="登録日時" className="kk-table__nowrap">
        <time dateTime={passkey.createdAt}>{formatJstDateTime(passkey.createdAt)}</time>
      </td>
      <td data-label="最終利用" className="kk-table__nowrap">
        {passkey.lastUsedAt ? (
          <time dateTime={passkey.lastUsedAt}>{lastUsedText(passkey)}</time>
        ) : (
          lastUsedText(passkey)
        )}
      </td>
      <td data-label="操作" className="kk-table__actions">
        <div className="kk-actions">
          <Button variant="secondary" onClick={onRename}>
            名前の変更
          </Button>
          <Button variant="secondary" onClick={onDelete}>
            削除
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
  const captionId = useId();
  const rename = useRenamePasskey();
  const [editing, setEditing] = useState<string | null>(null);
  const [renamed, setRenamed] = useState<string | null>(null);

  return (
    <div className="kk-stack">
      {renamed !== null && (
        <Alert variant="success">
          <p>パスキー名を「{renamed}」に変更しました。</p>
        </Alert>
      )}
      <TableRegion labelledBy={captionId}>
        <table className="kk-table kk-table--cards">
          <caption id={captionId}>登録済みのパスキー（日時は日本時間）</caption>
          <thead>
            <tr>
              <th scope="col">パスキー名</th>
              <th scope="col">種類</th>
              <th scope="col">登録日時</th>
              <th scope="col">最終利用日時</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((passkey) =>
              editing === passkey.id ? (
                <tr key={passkey.id}>
                  <td colSpan={COLUMNS}>
                    <PasskeyNameForm
                      label={`「${passkey.name}」の名前の変更`}
                      defaultName={passkey.name}
                      submitLabel="変更する"
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
