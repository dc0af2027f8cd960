import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { marginAccountApplied } from "../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  errorJson,
  json,
  mockApi,
  stepUpChallenge,
  verified,
} from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

const opening = (status: "未開設" | "審査中" | "開設済", appliedOn: string | null = null) => ({
  accounts: [
    { kind: "総合口座", status: "開設済", appliedOn: "2020-03-25", openedOn: "2020-04-01" },
    { kind: "信用取引口座", status, appliedOn, openedOn: null },
  ],
});

function main(): HTMLElement {
  return screen.getByRole("main");
}

async function open(path: string, title: string, routes: Parameters<typeof mockApi>[0]) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation: "apply_margin_account" }),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  });
  const app = renderApp(path);
  await screen.findByRole("heading", { level: 1, name: title }, { timeout: 10_000 });
  return { ...api, ...app };
}

describe("信用取引口座開設 (R41)", () => {
  it("口座開設状況照会 → 申し込む → form → 確認 with the 執行パスワード → 受付; the status reads 審査中", async () => {
    const { user, requests } = await open("/account/openings", "口座開設状況照会", {
      "GET /api/me/account-openings": [
        json(opening("未開設")),
        json(opening("未開設")),
        json(opening("審査中", "2026-11-25")),
      ],
      "POST /api/me/margin-account-applications": json(marginAccountApplied),
    });
    const row = (await screen.findByRole("rowheader", { name: "信用取引口座" })).closest("tr") as HTMLElement;
    expect(within(screen.getByRole("table")).getAllByRole("link")).toHaveLength(1);
    await user.click(within(row).getByRole("link", { name: "申し込む" }));
    await screen.findByRole("heading", { level: 1, name: "信用取引口座開設" });

    // Nothing chosen: every question and the consent say what is missing.
    await user.click(await screen.findByRole("button", { name: "申込内容の確認" }));
    expect(await screen.findByText("株式の投資経験を選択してください。")).toBeTruthy();
    expect(screen.getByText("年収を選択してください。")).toBeTruthy();
    expect(screen.getByText("金融資産を選択してください。")).toBeTruthy();
    expect(screen.getByText("信用取引口座設定約諾書の内容をご確認のうえ、同意してください。")).toBeTruthy();

    const choose = async (group: string, option: string) =>
      user.click(within(screen.getByRole("group", { name: group })).getByRole("radio", { name: option }));
    await choose("株式の投資経験", "1〜3年");
    await choose("年収", "500〜1,000万円");
    await choose("金融資産", "300〜1,000万円");
    expect(main().textContent).toContain("信用取引口座設定約諾書（要旨）");
    await user.click(screen.getByRole("checkbox", { name: "信用取引口座設定約諾書の内容を確認し、同意します" }));
    await user.click(screen.getByRole("button", { name: "申込内容の確認" }));

    const heading = await screen.findByRole("heading", { level: 2, name: "申込内容の確認" });
    expect(document.activeElement).toBe(heading);
    const summary = main().querySelector("dl") as HTMLElement;
    expect([...summary.querySelectorAll(".kk-dl__row")].map((r) => r.textContent)).toEqual([
      "株式の投資経験1〜3年",
      "年収500〜1,000万円",
      "金融資産300〜1,000万円",
      "信用取引口座設定約諾書同意する",
    ]);
    const application = {
      stockExperience: "1〜3年",
      annualIncome: "500〜1,000万円",
      financialAssets: "300〜1,000万円",
      agreement: true,
    };
    const challenge = requests.filter((r) => r.path === "/api/step-up/challenges").at(-1);
    expect(challenge?.body).toEqual({ operation: "apply_margin_account", payload: application });

    const button = await screen.findByRole("button", { name: "申し込む" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(screen.getByLabelText("執行パスワード", { exact: true, selector: "input" }), "Rk7m2x");
    fireEvent.click(button);
    fireEvent.click(button);

    expect(
      await screen.findByRole("heading", { level: 2, name: "信用取引口座開設のお申し込みを受け付けました" }),
    ).toBeTruthy();
    const posts = requests.filter((r) => r.path === "/api/me/margin-account-applications");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual(application);
    expect(posts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);

    await user.click(screen.getByRole("link", { name: "口座開設状況照会へ" }));
    const after = (await screen.findByRole("rowheader", { name: "信用取引口座" })).closest("tr") as HTMLElement;
    await waitFor(() => expect(after.textContent).toContain("審査中"));
    expect(within(after).queryByRole("link")).toBeNull();
  });

  it("審査中 or 開設済: says where it stands and offers no form", async () => {
    await open("/account/margin-application", "信用取引口座開設", {
      "GET /api/me/account-openings": json(opening("審査中", "2026-11-20")),
    });
    expect(await within(main()).findByText(/お申し込みは審査中です/)).toBeTruthy();
    expect(main().textContent).toContain("2026年11月20日");
    expect(screen.queryByRole("button", { name: "申込内容の確認" })).toBeNull();
  });

  it("a refusal from core (審査中 meanwhile) shows its message on the confirmation", async () => {
    const { user } = await open("/account/margin-application", "信用取引口座開設", {
      "GET /api/me/account-openings": json(opening("未開設")),
      "POST /api/me/margin-account-applications": errorJson(
        "margin_application_in_review",
        "信用取引口座開設のお申し込みは審査中です。審査結果はメールでお知らせします。",
        409,
      ),
    });
    const choose = async (group: string, option: string) =>
      user.click(within(await screen.findByRole("group", { name: group })).getByRole("radio", { name: option }));
    await choose("株式の投資経験", "なし");
    await choose("年収", "300万円未満");
    await choose("金融資産", "300万円未満");
    await user.click(screen.getByRole("checkbox", { name: /同意します/ }));
    await user.click(screen.getByRole("button", { name: "申込内容の確認" }));
    const button = await screen.findByRole("button", { name: "申し込む" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(screen.getByLabelText("執行パスワード", { exact: true, selector: "input" }), "Rk7m2x");
    await user.click(button);
    expect(await within(main()).findByText(/お申し込みは審査中です/)).toBeTruthy();
  });
});
