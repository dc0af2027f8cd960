/**
 * 本人名義 (R39): a 出金先口座's 口座名義 must be the customer's own kana name. People and
 * banks write the same name in several ways (half-width 「ﾔﾏﾀﾞ ﾀﾛｳ」 on passbooks, hiragana,
 * small kana written large as the 全銀 character set does, long vowel marks or hyphens, with
 * or without a space), so both sides are reduced to one form before they are compared.
 * A different name after this is a different person: nothing fuzzier is accepted, since
 * a third party's account is exactly the fraud this check exists to stop.
 */

import { messageRef } from "@kakunin/contracts/message-ref";

/** Small kana → their large form (the 全銀 set has no small kana: 「ｼﾞﾖｳ」 is ジョウ). */
const LARGE_KANA: Readonly<Record<string, string>> = {
  ァ: "ア",
  ィ: "イ",
  ゥ: "ウ",
  ェ: "エ",
  ォ: "オ",
  ッ: "ツ",
  ャ: "ヤ",
  ュ: "ユ",
  ョ: "ヨ",
  ヮ: "ワ",
  ヵ: "カ",
  ヶ: "ケ",
  // Old kana that 全銀 writes as their modern reading.
  ヰ: "イ",
  ヱ: "エ",
};

/** Hiragana ぁ (U+3041)…ゖ (U+3096) sit exactly 0x60 below their katakana. */
const HIRAGANA = /[\u3041-\u3096]/g;
const toKatakana = (s: string) => s.replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));

/**
 * Long vowel marks, hyphens and dashes (bank forms write ー as 「-」), middle dots and the
 * separators some bank forms put between family and given name, and every kind of space.
 */
const IGNORED = /[\s\u3000ー\-‐‑‒–—―−〜~・.,、，．]/g;

/** The form two kana names are compared in (NFKC, katakana, large kana, no marks or spaces). */
export function normaliseKanaName(name: string): string {
  const katakana = toKatakana(name.normalize("NFKC"));
  return [...katakana.replace(IGNORED, "")].map((ch) => LARGE_KANA[ch] ?? ch).join("");
}

/**
 * True when the 口座名義 is the registered kana name written another way. A customer with no
 * registered kana name matches nothing: ownership cannot be shown, so the change is refused.
 */
export function isOwnName(holderKana: string, registeredKana: string): boolean {
  const registered = normaliseKanaName(registeredKana);
  return registered.length > 0 && normaliseKanaName(holderKana) === registered;
}

/** The field message (a message id with values) when the 口座名義 is not the customer's (R39). */
export function notOwnNameMessage(registeredKana: string): string {
  return registeredKana.trim()
    ? messageRef("server.bankAccount.notOwnName", { nameKana: registeredKana.trim() })
    : "server.bankAccount.nameKanaMissing";
}
