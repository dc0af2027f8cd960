import type { DeletePasskeyRequest, PasskeyList, PasskeyView } from "@kakunin/contracts/passkeys";
import { Alert } from "@kakunin/ui/alert";
import { DescriptionList } from "@kakunin/ui/description-list";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { QueryStatus } from "../../../components/query-status.tsx";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { useDeletePasskey } from "../../../features/passkeys/api/delete-passkey.ts";
import { passkeysQueryOptions, usePasskeys } from "../../../features/passkeys/api/get-passkeys.ts";
import { type RegisterPasskeyPayload, useRegisterPasskey } from "../../../features/passkeys/api/register-passkey.ts";
import { PasskeyNameForm } from "../../../features/passkeys/components/passkey-name-form.tsx";
import { PasskeyRegisterAction } from "../../../features/passkeys/components/passkey-register-action.tsx";
import { PasskeySummary } from "../../../features/passkeys/components/passkey-summary.tsx";
import { PasskeyTable } from "../../../features/passkeys/components/passkey-table.tsx";
import { suggestPasskeyName } from "../../../features/passkeys/utils/suggest-passkey-name.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";
import { paths } from "../../screens.ts";

const DELETE_STEPS = ["確認", "完了"] as const;

type View =
  | { view: "list"; notice?: Notice | undefined }
  | { view: "register"; name: string; returned: boolean; fieldErrors?: FieldErrors<"name"> | undefined };

type DeleteContext = { passkey: PasskeyView; last: boolean };

/** Refusals that mean the list on screen is out of date: back to it, refreshed, saying why. */
const STALE_LIST = new Set(["passkey_limit", "passkey_unknown", "not_found"]);

function PasskeysIntro() {
  return (
    <p>
      パスキーは、この端末の指紋・顔認証・PINでログインや出金を確認する、フィッシングに強い認証方法です。パスキーは当社のサイトでしか使えないため、偽のサイトに誘導されても盗まれることがありません。
    </p>
  );
}

function EmptyState() {
  return (
    <div className="kk-stack">
      <p>パスキーは登録されていません。</p>
      <p className="kk-text-sm">
        パスキーを登録すると、パスワードの代わりに指紋・顔認証・PINで本人確認ができ、パスワードや認証コードをだまし取る偽サイトによる不正ログイン・不正出金を防げます。
      </p>
    </div>
  );
}

/**
 * パスキー設定 (R31, issue 14): the customer's passkeys (名前の変更 inline), 登録 (name → 確認
 * with 執行パスワード and 認証コード → the browser creates the passkey → 完了) and 削除 (確認 → 完了),
 * the last two guarded operations. Registration and deletion are mailed (R38).
 */
function PasskeysPage() {
  const queryClient = useQueryClient();
  const passkeys = usePasskeys();
  const registerPasskey = useRegisterPasskey();
  const deletePasskey = useDeletePasskey();
  const register = useGuarded<RegisterPasskeyPayload, undefined, PasskeyView>();
  const remove = useGuarded<DeletePasskeyRequest, DeleteContext, PasskeyList>();
  const [view, setView] = useState<View>({ view: "list" });
  // Read once: whether this browser has WebAuthn does not change while the page is open.
  const [supported] = useState(browserSupportsWebAuthn);

  const backToList = (notice?: Notice) => {
    register.toInput();
    remove.toInput();
    setView({ view: "list", notice });
  };

  const staleList = (error: unknown) => {
    if (!(isApiError(error) && STALE_LIST.has(error.code))) return false;
    void queryClient.invalidateQueries({ queryKey: passkeysQueryOptions().queryKey });
    backToList(noticeOf(error));
    return true;
  };

  const toList = (
    <div className="kk-actions">
      <Link to={paths.passkeys} onClick={() => backToList()}>
        パスキー設定へ戻る
      </Link>
    </div>
  );

  const list = (
    <div className="kk-stack">
      <ExecutionPasswordLockNotice />
      <NoticeAlert notice={view.view === "list" ? view.notice : undefined} />
      <PasskeysIntro />
      {passkeys.data ? (
        passkeys.data.passkeys.length === 0 ? (
          <EmptyState />
        ) : (
          <PasskeyTable
            passkeys={passkeys.data.passkeys}
            onDelete={(passkey) =>
              remove.confirm({ passkeyId: passkey.id }, { passkey, last: passkeys.data.passkeys.length === 1 })
            }
          />
        )
      ) : (
        <QueryStatus query={passkeys} what="パスキーの一覧" />
      )}
      <PasskeyRegisterAction
        count={passkeys.data?.passkeys.length}
        supported={supported}
        onRegister={() => setView({ view: "register", name: suggestPasskeyName(navigator.userAgent), returned: false })}
      />
    </div>
  );

  return (
    <GuardedFlow
      guarded={remove}
      operation="delete_passkey"
      steps={DELETE_STEPS}
      confirmation={{
        title: "削除内容の確認",
        instruction: "以下のパスキーを削除します。",
        summary: (_request, { passkey, last }) => (
          <div className="kk-stack">
            <PasskeySummary passkey={passkey} />
            <Alert variant="warning">
              <p>削除したパスキーでは、ログインや出金などの確認ができなくなります。</p>
              {last && <p>最後のパスキーのため、削除後はログインパスワードでのログインに戻ります。</p>}
              <p className="kk-text-sm">
                端末やパスワードマネージャーに保存されたパスキーは、その端末の設定から削除してください。
              </p>
            </Alert>
          </div>
        ),
        submitLabel: "削除する",
      }}
      execute={deletePasskey.mutateAsync}
      onError={staleList}
      onCancel={() => backToList()}
      completion={{
        title: "パスキーを削除しました",
        children: (_list, _request, { passkey }) => (
          <>
            <p>パスキー「{passkey.name}」を削除しました。削除通知メールを送信しました。</p>
            {toList}
          </>
        ),
      }}
    >
      <GuardedFlow
        guarded={register}
        operation="register_passkey"
        confirmation={{
          title: "登録内容の確認",
          instruction: "以下の名前でパスキーを登録します。",
          instructionAfter: "続いて端末の画面が開きますので、指紋・顔認証・PINで操作してください。",
          summary: ({ name }) => <DescriptionList items={[{ term: "パスキー名", detail: name }]} />,
          submitLabel: "登録する",
        }}
        execute={registerPasskey.mutateAsync}
        onError={(error, { name }) => {
          if (staleList(error)) return true;
          const fieldErrors = fieldErrorsOf(error, ["name"] as const);
          if (!fieldErrors) return false;
          setView({ view: "register", name, returned: true, fieldErrors });
          return true;
        }}
        onCancel={({ name }) => setView({ view: "register", name, returned: true })}
        completion={{
          title: "パスキーを登録しました",
          children: (passkey) => (
            <>
              <p>登録通知メールを送信しました。次回から、このパスキーでログインや出金などの確認ができます。</p>
              <PasskeySummary passkey={passkey} />
              {toList}
            </>
          ),
        }}
      >
        {view.view === "register" ? (
          <InputStep title="パスキーの登録" autoFocus={view.returned && !view.fieldErrors}>
            <ExecutionPasswordLockNotice />
            <p>
              パスキー名を確認し、「確認画面へ」を押してください。複数の端末で登録したときに見分けられる名前にしてください。
            </p>
            <PasskeyNameForm
              defaultName={view.name}
              fieldErrors={view.fieldErrors}
              submitLabel="確認画面へ"
              onSubmit={(name) => register.confirm({ name }, undefined)}
              onCancel={() => backToList()}
            />
          </InputStep>
        ) : (
          list
        )}
      </GuardedFlow>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: PasskeysPage };
}
