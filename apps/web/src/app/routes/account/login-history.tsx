import { LoginHistoryTable } from "../../../features/login-history/components/login-history-table.tsx";
import type { PageHandle } from "../app-layout.tsx";

function LoginHistoryPage() {
  return (
    <div className="kk-stack">
      <p>
        最近のログインの記録です。身に覚えのないログインがある場合は、ログインパスワードを変更のうえ、当社までご連絡ください。
      </p>
      <LoginHistoryTable />
    </div>
  );
}

export function loginHistoryRoute() {
  return {
    handle: { title: "ログイン履歴" } satisfies PageHandle,
    Component: LoginHistoryPage,
  };
}
