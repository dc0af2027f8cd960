import { errorMessages } from "@kakunin/contracts/errors";
import { PageLayout } from "@kakunin/ui/page-layout";
import { Link } from "react-router";
import { paths } from "../screens.ts";

function NotFoundPage() {
  return (
    <PageLayout title="ページが見つかりません">
      <div className="kk-stack">
        <p>{errorMessages.not_found}</p>
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
