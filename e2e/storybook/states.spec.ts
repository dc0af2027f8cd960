import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

// Designers review every screen in every state it can reach (SPEC R30). This lists the states
// each screen must have a story for, so a new screen without its states, or a state's story
// removed, fails here rather than going unnoticed. Story names as Storybook shows them
// (an export `確認_ロック` is named "確認 ロック").
const indexFile = fileURLToPath(new URL("../../apps/web/storybook-static/index.json", import.meta.url));
const index = JSON.parse(readFileSync(indexFile, "utf8")) as {
  entries: Record<string, { title: string; name: string; type: string }>;
};

/** Every signed-in screen: the BFF or core is down, or the session timed out. */
const reachable = ["接続不可", "セッション切れ"];
/** Screens that read on arrival. */
const reading = [...reachable, "読み込み中"];
/** Screens whose operation is confirmed with the 執行パスワード (R6): a wrong one, and the lock. */
const confirmed = [...reading, /執行パスワード誤り$/, /^(確認 )?ロック$/];
/** Screens that open with a confirmation before showing 登録情報 (R21), in both of its forms. */
const gated = [...confirmed, "確認 執行パスワード", "確認 執行パスワードと認証コード"];
/** Screens that take an order or money: a lock from before is said on arrival (R8). */
const money = [...confirmed, "ロック中", "入力エラー", "完了"];

const required: Record<string, (string | RegExp)[]> = {
  "画面/ログイン": ["入力前", "入力エラー", "認証失敗", "試行回数超過", "セッション切れ", "ログアウト後", "接続不可"],
  "画面/404": ["ページが見つかりません"],
  "画面/会員トップ": [...reading, "お知らせなし", "導入前", "登録期間中", "ロック中"],
  "画面/株式注文": [...money, "注文確認", "注文確認スマートフォン", "信用取引口座未開設"],
  "画面/投資信託": [...money, "注文確認", "注文確認スマートフォン"],
  "画面/注文照会": [
    ...reading,
    "注文なし",
    "ロック中",
    "訂正入力エラー",
    "訂正確認",
    "訂正 執行パスワード誤り",
    "訂正完了",
    "取消確認",
    "取消完了",
  ],
  "画面/残高照会": [...reading, "保有なし", "残高スマートフォン"],
  "画面/出金": [...money, "確認 執行パスワード", "確認 認証コード", "確認 認証コード再送信", "認証コード誤り"],
  "画面/出金申込履歴": [...reading, "履歴なし"],
  "画面/出金先口座変更": [...money, "確認", "申請中"],
  "画面/口座情報照会・変更": [
    ...gated,
    "確認 認証コード再送信",
    "確認 認証コード誤り",
    "確認 入力エラー",
    "照会",
    "変更入力",
    "変更入力エラー",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ],
  "画面/メールアドレス登録": [
    ...gated,
    "一覧",
    "変更入力",
    "変更入力エラー",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ],
  "画面/メールサービス配信設定": [...gated, "一覧", "変更", "変更確認", "変更 執行パスワード誤り", "変更完了"],
  "画面/口座開設状況照会": [...gated, "一覧"],
  "画面/信用取引口座開設": [...confirmed, "ロック中", "入力", "入力エラー", "確認", "完了", "審査中", "開設済"],
  "画面/執行パスワード変更": [...confirmed, "入力エラー", "ポリシー違反", "残り回数少", "ロック中", "完了"],
  "画面/ログインパスワード変更": [...reachable, "入力エラー", "現在のパスワード誤り", "完了"],
  "画面/ログイン履歴": [...reading, "履歴なし"],
};

const storiesByScreen = new Map<string, string[]>();
for (const entry of Object.values(index.entries)) {
  if (entry.type !== "story" || !entry.title.startsWith("画面/")) continue;
  storiesByScreen.set(entry.title, [...(storiesByScreen.get(entry.title) ?? []), entry.name]);
}

test("every screen in Storybook is listed here with the states it can reach", () => {
  expect([...storiesByScreen.keys()].sort()).toEqual(Object.keys(required).sort());
});

for (const [screen, states] of Object.entries(required)) {
  test(`${screen} has a story for each of its states`, () => {
    const names = storiesByScreen.get(screen) ?? [];
    const missing = states.filter((state) =>
      typeof state === "string" ? !names.includes(state) : !names.some((name) => state.test(name)),
    );
    expect(missing, `stories of ${screen}: ${names.join(", ")}`).toEqual([]);
  });
}
