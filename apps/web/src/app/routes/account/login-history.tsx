import { LoginHistoryTable } from "../../../features/login-history/components/login-history-table.tsx";

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

export function route() {
  return {
    Component: LoginHistoryPage,
  };
}
