import { useSession } from "../../features/auth/api/get-session.ts";
import { NoticeList } from "../../features/notices/components/notice-list.tsx";
import type { PageHandle } from "./app-layout.tsx";

function MemberTop() {
  const { data } = useSession();
  const customer = data?.authenticated ? data.customer : null;
  return (
    <div className="kk-stack">
      {customer && <p className="kk-greeting">{customer.name} 様、いつもご利用いただきありがとうございます。</p>}
      <NoticeList />
    </div>
  );
}

export function memberTopRoute() {
  return {
    handle: { title: "会員トップ" } satisfies PageHandle,
    Component: MemberTop,
  };
}
