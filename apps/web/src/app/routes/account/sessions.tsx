import type { ActiveSession } from "@kakunin/contracts/sessions";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { useState } from "react";
import { QueryStatus } from "../../../components/query-status.tsx";
import { type EndTarget, useEndSessions } from "../../../features/sessions/api/end-sessions.ts";
import { useSessions } from "../../../features/sessions/api/get-sessions.ts";
import { ConfirmDialog } from "../../../features/sessions/components/confirm-dialog.tsx";
import { deviceLabel, SessionTable } from "../../../features/sessions/components/session-table.tsx";
import { sessionsCatalog } from "../../../features/sessions/i18n.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";
import { accountRoutesCatalog } from "./i18n.ts";

type Asking = { kind: "one"; session: ActiveSession } | { kind: "others"; count: number };

/** What the screen says after an answer: done, or why not. */
type Outcome = { done: string } | { refused: Notice | undefined };

function question(asking: Asking, t: Translate) {
  if (asking.kind === "one") {
    return {
      title: t("account.sessions.askOne.title"),
      body: t("account.sessions.askOne.body", {
        device: deviceLabel(asking.session, t),
        ipAddress: asking.session.ipAddress ?? t("sessions.unknown"),
      }),
      confirmLabel: t("account.sessions.askOne.confirm"),
    };
  }
  return {
    title: t("account.sessions.askOthers.title"),
    body: t("account.sessions.askOthers.body", { count: asking.count }),
    confirmLabel: t("account.sessions.askOthers.confirm"),
  };
}

const targetOf = (asking: Asking): EndTarget =>
  asking.kind === "one" ? { kind: "one", handle: asking.session.handle } : { kind: "others" };

/**
 * ログイン中の端末 (R32): every active session of the customer, and 「ログアウト」 for one
 * other session or all of them, each after one question. No password is asked: ending a
 * session only protects the customer, and must be quick when they suspect misuse.
 */
function SessionsPage() {
  const { t } = useT(accountRoutesCatalog, sessionsCatalog);
  const sessions = useSessions();
  const end = useEndSessions();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const confirm = () => {
    if (!asking) return;
    const target = targetOf(asking);
    const device = asking.kind === "one" ? deviceLabel(asking.session, t) : "";
    end.mutate(target, {
      onSuccess: ({ ended }) => {
        setAsking(null);
        setOutcome({
          done:
            target.kind === "one"
              ? t("account.sessions.doneOne", { device })
              : ended > 0
                ? t("account.sessions.doneOthers", { count: ended })
                : t("account.sessions.doneNone"),
        });
      },
      onError: (error) => {
        setAsking(null);
        setOutcome({
          refused: noticeOf(error) ?? { message: t("account.sessions.failed"), requestId: undefined },
        });
      },
    });
  };

  const others = sessions.data?.sessions.filter((s) => !s.current) ?? [];
  const asked = asking ? question(asking, t) : null;

  return (
    <div className="kk-stack">
      <p>{t("account.sessions.intro")}</p>
      {outcome && "done" in outcome && <Alert variant="success">{outcome.done}</Alert>}
      {outcome && "refused" in outcome && <NoticeAlert notice={outcome.refused} />}
      {sessions.data ? (
        <>
          <SessionTable
            sessions={sessions.data.sessions}
            onEnd={(session) => {
              setOutcome(null);
              setAsking({ kind: "one", session });
            }}
          />
          {others.length === 0 ? (
            <p>{t("account.sessions.noOthers")}</p>
          ) : (
            <div className="kk-actions">
              <Button
                variant="secondary"
                onClick={() => {
                  setOutcome(null);
                  setAsking({ kind: "others", count: others.length });
                }}
              >
                {t("account.sessions.logOutOthers")}
              </Button>
            </div>
          )}
        </>
      ) : (
        <QueryStatus query={sessions} what={t("account.sessions.what")} />
      )}
      {asking && asked && (
        <ConfirmDialog
          title={asked.title}
          confirmLabel={asked.confirmLabel}
          busy={end.isPending}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>{asked.body}</p>
          <p className="kk-text-sm">{t("account.sessions.askNote")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

export function route() {
  return {
    Component: SessionsPage,
  };
}
