import { renderMessage } from "@kakunin/contracts/error-body";
import { describe, expect, it } from "vitest";
import { isOwnName, normaliseKanaName, notOwnNameMessage } from "./holder-name.ts";

describe("本人名義: the 口座名義 compared with the registered kana name (R39)", () => {
  it.each([
    ["the same text", "ヤマダ タロウ", "ヤマダ タロウ"],
    ["half-width bank form", "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"],
    ["no space", "ヤマダタロウ", "ヤマダ タロウ"],
    ["full-width space", "ヤマダ　タロウ", "ヤマダ タロウ"],
    ["several spaces", " ヤマダ  タロウ ", "ヤマダ タロウ"],
    ["hiragana registered", "ヤマダ タロウ", "やまだ たろう"],
    ["hiragana entered", "やまだ　たろう", "ヤマダ タロウ"],
    ["small kana written large (全銀)", "ｼﾞﾖｳ ｷﾖｳｺ", "ジョウ キョウコ"],
    ["small tsu written large", "ハツトリ ケン", "ハットリ ケン"],
    ["long vowel mark vs hyphen", "ｻﾄ- ﾕｷ", "サトー ユキ"],
    ["long vowel mark omitted", "サト ユキ", "サトー ユキ"],
    ["dot separator of bank forms", "ﾔﾏﾀﾞ.ﾀﾛｳ", "ヤマダ タロウ"],
    ["old kana", "ヰノウエ", "イノウエ"],
    ["small ヶ", "ヶ", "ケ"],
  ])("matches: %s", (_case, holder, registered) => {
    expect(isOwnName(holder, registered)).toBe(true);
  });

  it.each([
    ["a third party", "スズキ イチロウ", "ヤマダ タロウ"],
    ["family name only", "ヤマダ", "ヤマダ タロウ"],
    ["one kana different", "ヤマダ タロ", "ヤマダ タロウ"],
    ["voiced vs unvoiced", "ヤマタ タロウ", "ヤマダ タロウ"],
    ["given and family name swapped", "タロウ ヤマダ", "ヤマダ タロウ"],
    ["a company", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "ヤマダ タロウ"],
    ["no registered kana name", "ヤマダ タロウ", ""],
    ["registered kana name of spaces only", "", "　 "],
  ])("refuses: %s", (_case, holder, registered) => {
    expect(isOwnName(holder, registered)).toBe(false);
  });

  it("reduces every way of writing a name to one form", () => {
    expect(normaliseKanaName("ﾔﾏﾀﾞ ﾀﾛｳ")).toBe("ヤマダタロウ");
    expect(normaliseKanaName("じょう　きょうこ")).toBe("ジヨウキヨウコ");
    expect(normaliseKanaName("サトー・ユキ")).toBe("サトユキ");
  });

  it("names the registered name in the refusal, or says it is missing", () => {
    // A message id with values, worded in the reader's language by core's error handler.
    expect(renderMessage(notOwnNameMessage("ヤマダ タロウ"))).toBe(
      "出金先口座はご本人名義の口座のみ登録できます。口座名義（カナ）がご登録のお名前（ヤマダ タロウ）と一致しません。",
    );
    expect(renderMessage(notOwnNameMessage(""))).toContain("お名前（カナ）が未登録");
    expect(renderMessage(notOwnNameMessage("ヤマダ タロウ"), "en")).toContain("your registered name (ヤマダ タロウ)");
  });
});
