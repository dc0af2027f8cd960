import { PageLayout } from "@kakunin/ui/page-layout";
import { Link } from "react-router";
import { errorText } from "../../lib/i18n/error-text.ts";
import { paths } from "../screens.ts";

function NotFoundPage() {
  return (
    <PageLayout title="ページが見つかりません">
      <div className="kk-stack">
        <p>{errorText("not_found")}</p>
        <p>
          <Link to={paths.home}>会員トップへ戻る</Link>
        </p>
      </div>
    </PageLayout>
  );
}

export function route() {
  return { Component: NotFoundPage };
}
