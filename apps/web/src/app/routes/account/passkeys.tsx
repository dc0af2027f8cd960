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
import { passkeysCatalog } from "../../../features/passkeys/i18n.ts";
import { suggestPasskeyName } from "../../../features/passkeys/utils/suggest-passkey-name.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

type View =
  | { view: "list"; notice?: Notice | undefined }
  | { view: "register"; name: string; returned: boolean; fieldErrors?: FieldErrors<"name"> | undefined };

type DeleteContext = { passkey: PasskeyView; last: boolean };

/** Refusals that mean the list on screen is out of date: back to it, refreshed, saying why. */
const STALE_LIST = new Set(["passkey_limit", "passkey_unknown", "not_found"]);

function PasskeysIntro() {
  const { t } = useT(accountRoutesCatalog);
  return <p>{t("account.passkeys.intro")}</p>;
}

function EmptyState() {
  const { t } = useT(accountRoutesCatalog);
  return (
    <div className="kk-stack">
      <p>{t("account.passkeys.empty")}</p>
      <p className="kk-text-sm">{t("account.passkeys.emptyNote")}</p>
    </div>
  );
}

/**
 * パスキー設定 (R31, issue 14): the customer's passkeys (名前の変更 inline), 登録 (name → 確認
 * with 執行パスワード and 認証コード → the browser creates the passkey → 完了) and 削除 (確認 → 完了),
 * the last two guarded operations. Registration and deletion are mailed (R38).
 */
function PasskeysPage() {
  // passkeysCatalog: suggestPasskeyName words its suggestion with it.
  const { t } = useT(accountRoutesCatalog, passkeysCatalog);
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
        {t("account.passkeys.backToList")}
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
        <QueryStatus query={passkeys} what={t("account.passkeys.what")} />
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
      steps={[t("account.steps.confirm"), t("account.steps.complete")]}
      confirmation={{
        title: t("account.passkeys.deleteConfirmTitle"),
        instruction: t("account.passkeys.deleteConfirmInstruction"),
        summary: (_request, { passkey, last }) => (
          <div className="kk-stack">
            <PasskeySummary passkey={passkey} />
            <Alert variant="warning">
              <p>{t("account.passkeys.deleteWarning")}</p>
              {last && <p>{t("account.passkeys.deleteLast")}</p>}
              <p className="kk-text-sm">{t("account.passkeys.deleteOnDevice")}</p>
            </Alert>
          </div>
        ),
        submitLabel: t("account.passkeys.deleteSubmit"),
      }}
      execute={deletePasskey.mutateAsync}
      onError={staleList}
      onCancel={() => backToList()}
      completion={{
        title: t("account.passkeys.deletedTitle"),
        children: (_list, _request, { passkey }) => (
          <>
            <p>{t("account.passkeys.deleted", { name: passkey.name })}</p>
            {toList}
          </>
        ),
      }}
    >
      <GuardedFlow
        guarded={register}
        operation="register_passkey"
        confirmation={{
          title: t("account.passkeys.registerConfirmTitle"),
          instruction: t("account.passkeys.registerConfirmInstruction"),
          instructionAfter: t("account.passkeys.registerConfirmAfter"),
          summary: ({ name }) => <DescriptionList items={[{ term: t("passkeys.name"), detail: name }]} />,
          submitLabel: t("account.passkeys.registerSubmit"),
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
          title: t("account.passkeys.registeredTitle"),
          children: (passkey) => (
            <>
              <p>{t("account.passkeys.registered")}</p>
              <PasskeySummary passkey={passkey} />
              {toList}
            </>
          ),
        }}
      >
        {view.view === "register" ? (
          <InputStep title={t("account.passkeys.registerTitle")} autoFocus={view.returned && !view.fieldErrors}>
            <ExecutionPasswordLockNotice />
            <p>{t("account.passkeys.registerInstruction")}</p>
            <PasskeyNameForm
              defaultName={view.name}
              fieldErrors={view.fieldErrors}
              submitLabel={t("account.passkeys.toConfirmation")}
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
