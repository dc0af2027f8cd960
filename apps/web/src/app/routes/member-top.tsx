import { useSession } from "../../features/auth/api/get-session.ts";
import { ExecutionPasswordBanner } from "../../features/credentials/components/execution-password-banner.tsx";
import { PreviousLogin } from "../../features/login-history/components/previous-login.tsx";
import { NoticeList, type NoticeTopicLinks } from "../../features/notices/components/notice-list.tsx";
import { TradingStopBanner } from "../../features/trading-stop/components/trading-stop-banner.tsx";
import { paths } from "../screens.ts";

const noticeTopicLinks: NoticeTopicLinks = {
  execution_password_change: { label: "執行パスワード変更へ", to: paths.executionPassword },
};

function MemberTop() {
  const { data } = useSession();
  const customer = data?.authenticated ? data.customer : null;
  return (
    <div className="kk-stack">
      {customer && <p className="kk-greeting">{customer.name} 様、いつもご利用いただきありがとうございます。</p>}
      <TradingStopBanner />
      <PreviousLogin />
      <ExecutionPasswordBanner />
      <NoticeList topicLinks={noticeTopicLinks} />
    </div>
  );
}

export function route() {
  return {
    Component: MemberTop,
  };
}
