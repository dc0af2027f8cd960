import type { ActiveSession } from "@kakunin/contracts/sessions";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { useState } from "react";
import { QueryStatus } from "../../../components/query-status.tsx";
import { type EndTarget, useEndSessions } from "../../../features/sessions/api/end-sessions.ts";
import { useSessions } from "../../../features/sessions/api/get-sessions.ts";
import { ConfirmDialog } from "../../../features/sessions/components/confirm-dialog.tsx";
import { deviceLabel, SessionTable } from "../../../features/sessions/components/session-table.tsx";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";

type Asking = { kind: "one"; session: ActiveSession } | { kind: "others"; count: number };

/** What the screen says after an answer: done, or why not. */
type Outcome = { done: string } | { refused: Notice | undefined };

function question(asking: Asking) {
  if (asking.kind === "one") {
    return {
      title: "この端末をログアウトしますか",
      body: `${deviceLabel(asking.session)}（IPアドレス ${asking.session.ipAddress ?? "不明"}）をログアウトします。`,
      confirmLabel: "ログアウトする",
    };
  }
  return {
    title: "他の端末をすべてログアウトしますか",
    body: `この端末以外の${asking.count}台の端末をログアウトします。この端末はログインしたままです。`,
    confirmLabel: "すべてログアウトする",
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
  const sessions = useSessions();
  const end = useEndSessions();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const confirm = () => {
    if (!asking) return;
    const target = targetOf(asking);
    const what = asking.kind === "one" ? deviceLabel(asking.session) : "他の端末";
    end.mutate(target, {
      onSuccess: ({ ended }) => {
        setAsking(null);
        setOutcome({
          done:
            target.kind === "one"
              ? `${what}をログアウトしました。`
              : ended > 0
                ? `他の端末（${ended}台）をすべてログアウトしました。`
                : "ログアウトする端末はありませんでした。",
        });
      },
      onError: (error) => {
        setAsking(null);
        setOutcome({ refused: noticeOf(error) ?? { message: "ログアウトできませんでした。", requestId: undefined } });
      },
    });
  };

  const others = sessions.data?.sessions.filter((s) => !s.current) ?? [];
  const asked = asking ? question(asking) : null;

  return (
    <div className="kk-stack">
      <p>
        お客様の口座にいまログインしている端末の一覧です。心当たりのない端末がある場合は、その端末をログアウトし、ログインパスワードを変更してください。
      </p>
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
            <p>この端末のほかにログインしている端末はありません。</p>
          ) : (
            <div className="kk-actions">
              <Button
                variant="secondary"
                onClick={() => {
                  setOutcome(null);
                  setAsking({ kind: "others", count: others.length });
                }}
              >
                他の端末をすべてログアウト
              </Button>
            </div>
          )}
        </>
      ) : (
        <QueryStatus query={sessions} what="ログイン中の端末" />
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
          <p className="kk-text-sm">ログアウトした端末では、次の操作のときにログイン画面が表示されます。</p>
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
