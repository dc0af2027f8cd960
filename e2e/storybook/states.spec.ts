import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { type Screen, type StateFamily, screens, storyTitle } from "../../apps/web/src/app/screens.ts";

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

const families: Record<StateFamily, (string | RegExp)[]> = { none: [], reachable, reading, confirmed, gated, money };

// The screens and their own states come from the app's screens table, so a new screen is listed once.
const required: Record<string, (string | RegExp)[]> = Object.fromEntries(
  Object.values(screens).map((screen: Screen) => [
    storyTitle(screen),
    [...families[screen.states.family], ...screen.states.own],
  ]),
);

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
