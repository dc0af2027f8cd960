import { checklistRules, storedHashViolationMessages, violationMessages } from "@kakunin/password-policy/rules";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { loginRequestSchema } from "./auth.ts";
import { authCodeSchema } from "./auth-code.ts";
import {
  accountLockedMessage,
  changeExecutionPasswordRequestSchema,
  changeLoginPasswordRequestSchema,
} from "./credentials.ts";
import { toFieldErrors } from "./error-body.ts";
import { type Locale, locales } from "./locale.ts";
import { emailAddressSchema, mailSettingChangeSchema } from "./mail.ts";
import { MARGIN_AGREEMENT_REQUIRED_MESSAGE, marginAccountApplicationSchema } from "./margin-accounts.ts";
import { parseMessageRef } from "./message-ref.ts";
import { INVALID_CURSOR_MESSAGE, orderPageQuerySchema } from "./pagination.ts";
import { passkeyNameSchema } from "./passkeys.ts";
import { passwordResetFormSchema, startPasswordResetRequestSchema } from "./password-reset.ts";
import { emailChangeSchema, profileChangeSchema } from "./registered-info.ts";
import { UNUSABLE_CHARACTERS_MESSAGE } from "./text.ts";
import {
  fundOrderRequestSchema,
  marginAccountNotOpenMessage,
  modifyOrderRequestSchema,
  stockOrderRequestSchema,
} from "./trading.ts";
import { contractsTranslator } from "./translator.ts";
import { bankAccountChangeSchema, withdrawalRequestSchema } from "./withdrawals.ts";

/**
 * The shared schemas name their messages by id (message-ref.ts); core and the BFF word them
 * with toFieldErrors, the SPA with its resolver. Japanese must read exactly as before the ids
 * (tests, stories and screenshots compare with it), English must read as English.
 */
const messages = (schema: z.ZodType, value: unknown, locale: Locale) => {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error.issues, locale).map((f) => [f.path, f.message]);
};

const stockOrder = {
  kind: "stock",
  instrumentCode: "7203",
  side: "buy",
  account: "cash",
  marginAction: null,
  quantity: 100,
  priceType: "limit",
  limitPrice: 2500,
};

const cases: [string, z.ZodType, unknown, [string, string, string][]][] = [
  [
    "login, empty",
    loginRequestSchema,
    { customerCode: "", password: "" },
    [
      ["customerCode", "お客様コードを入力してください。", "Please enter your customer code."],
      [
        "customerCode",
        "お客様コードは7桁の半角数字で入力してください。",
        "Please enter your 7-digit customer code in half-width numbers.",
      ],
      ["password", "ログインパスワードを入力してください。", "Please enter your login password."],
    ],
  ],
  [
    "login, malformed",
    loginRequestSchema,
    { customerCode: "12", password: "x".repeat(21) },
    [
      [
        "customerCode",
        "お客様コードは7桁の半角数字で入力してください。",
        "Please enter your 7-digit customer code in half-width numbers.",
      ],
      [
        "password",
        "ログインパスワードは20文字以内で入力してください。",
        "Your login password must be 20 characters or fewer.",
      ],
    ],
  ],
  [
    "an authentication code",
    authCodeSchema,
    "12a",
    [
      [
        "",
        "認証コードは6桁の半角数字で入力してください。",
        "Please enter the 6-digit authentication code in half-width numbers.",
      ],
    ],
  ],
  [
    "執行パスワード変更, short and mismatched",
    changeExecutionPasswordRequestSchema,
    { currentPassword: "Rk7m2x", newPassword: "ab", newPasswordConfirmation: "abc" },
    [
      [
        "newPassword",
        "執行パスワードは4文字以上で入力してください。",
        "Your execution password must be at least 4 characters.",
      ],
      [
        "newPassword",
        "執行パスワードは数字・英小文字・英大文字のうち2種類以上を含めてください。",
        "Your execution password must contain at least two of the following: numbers, lowercase letters and uppercase letters.",
      ],
      [
        "newPasswordConfirmation",
        "新執行パスワード（確認）が新執行パスワードと一致しません。",
        "Your new execution password (confirmation) does not match your new execution password.",
      ],
    ],
  ],
  [
    "ログインパスワード変更, empty and the same",
    changeLoginPasswordRequestSchema,
    { currentPassword: "Kiso8pine3", newPassword: "Kiso8pine3", newPasswordConfirmation: "" },
    [
      [
        "newPasswordConfirmation",
        "新しいログインパスワード（確認）を入力してください。",
        "Please enter your new login password (confirmation).",
      ],
      [
        "newPassword",
        "現在のログインパスワードと同じパスワードは登録できません。",
        "Your new password must be different from your current login password.",
      ],
    ],
  ],
  [
    "password reset start",
    startPasswordResetRequestSchema,
    { customerCode: "1000001", birthDate: "1980-02-30" },
    [
      [
        "birthDate",
        "生年月日を正しく入力してください（例: 1980-04-01）。",
        "Please enter a valid date of birth (e.g. 1980-04-01).",
      ],
    ],
  ],
  [
    "password reset form",
    passwordResetFormSchema,
    { code: "123456", newPassword: "Kiso8pine3", newPasswordConfirmation: "Kiso8pine4" },
    [
      [
        "newPasswordConfirmation",
        "新しいログインパスワード（確認）が新しいログインパスワードと一致しません。",
        "Your new login password (confirmation) does not match your new login password.",
      ],
    ],
  ],
  [
    "口座情報変更",
    profileChangeSchema,
    { postalCode: "", address: "東京都\u0000", phone: "03-1234-567" },
    [
      [
        "postalCode",
        "郵便番号は7桁の数字（例: 150-0002）で入力してください。",
        "Please enter your 7-digit postal code (e.g. 150-0002).",
      ],
      ["address", "使用できない文字が含まれています。", "This contains characters that cannot be used."],
      ["phone", "電話番号の桁数が正しくありません。", "Your phone number has the wrong number of digits."],
    ],
  ],
  [
    "メールアドレス変更",
    emailChangeSchema,
    { position: 3, address: `${"a".repeat(250)}@example.test` },
    [
      ["position", "変更するメールアドレスを選択してください。", "Please select the email address to change."],
      [
        "address",
        "メールアドレスは254文字以内で入力してください。",
        "Your email address must be 254 characters or fewer.",
      ],
    ],
  ],
  [
    "出金",
    withdrawalRequestSchema,
    { amount: "1.5", bankAccountId: "7b7c3f5e-2f0a-4c7e-9d64-1f5f4b0f6a11" },
    [
      [
        "amount",
        "出金金額は1円単位（小数なし）で入力してください。",
        "Please enter the withdrawal amount in whole yen (no decimals).",
      ],
    ],
  ],
  [
    "出金先口座変更",
    bankAccountChangeSchema,
    { bankName: "", branchName: "渋".repeat(31), accountNumber: "12", holderKana: "やまだ" },
    [
      ["bankName", "金融機関名を入力してください。", "Please enter your bank name."],
      ["branchName", "支店名は30文字以内で入力してください。", "Your branch name must be 30 characters or fewer."],
      ["accountType", "預金種目を選択してください。", "Please select your account type."],
      [
        "accountNumber",
        "口座番号は7桁の半角数字で入力してください。",
        "Please enter your 7-digit account number in half-width numbers.",
      ],
      [
        "holderKana",
        "口座名義は全角カタカナで入力してください。",
        "Please enter the account holder name in full-width katakana.",
      ],
    ],
  ],
  [
    "株式注文, malformed",
    stockOrderRequestSchema,
    { ...stockOrder, instrumentCode: "72", quantity: "1.5" },
    [
      [
        "instrumentCode",
        "銘柄コードは4桁の半角数字で入力してください。",
        "Please enter a 4-digit stock code in half-width numbers.",
      ],
      ["quantity", "数量は整数で入力してください。", "Please enter the quantity as a whole number."],
    ],
  ],
  [
    "株式注文, inconsistent",
    stockOrderRequestSchema,
    { ...stockOrder, marginAction: "open", limitPrice: null },
    [
      [
        "marginAction",
        "現物取引では新規／返済は選択できません。",
        "Opening or closing a position does not apply to cash orders.",
      ],
      ["limitPrice", "指値の価格を入力してください。", "Please enter the limit price."],
    ],
  ],
  [
    "投資信託",
    fundOrderRequestSchema,
    { kind: "fund", fundCode: "X", side: "buy", amount: 50, units: null },
    [
      ["fundCode", "ファンドを選択してください。", "Please select a fund."],
      ["amount", "金額は100円以上で入力してください。", "Please enter an amount of at least ¥100."],
    ],
  ],
  [
    "訂正",
    modifyOrderRequestSchema,
    { orderNumber: "O1", quantity: "x", limitPrice: 0 },
    [
      ["orderNumber", "注文番号の形式が正しくありません。", "The order number is not in the correct format."],
      ["quantity", "数量は半角数字で入力してください。", "Please enter the quantity in half-width numbers."],
      ["limitPrice", "価格を入力してください。", "Please enter the price."],
    ],
  ],
  [
    "信用取引口座開設",
    marginAccountApplicationSchema,
    { stockExperience: "x", annualIncome: "300万円未満", financialAssets: "300万円未満", agreement: false },
    [
      ["stockExperience", "株式の投資経験を選択してください。", "Please select your stock investment experience."],
      [
        "agreement",
        "信用取引口座設定約諾書の内容をご確認のうえ、同意してください。",
        "Please read the margin account agreement (信用取引口座設定約諾書) and agree to it.",
      ],
    ],
  ],
  [
    "an email address",
    emailAddressSchema,
    "taro@",
    [["", "メールアドレスの形式が正しくありません。", "Please enter a valid email address."]],
  ],
  [
    "メールサービス配信設定",
    mailSettingChangeSchema,
    { type: "login_notification", enabled: "yes", destination: 1 },
    [["enabled", "配信設定を選択してください。", "Please select Subscribed or Unsubscribed."]],
  ],
  [
    "a passkey name",
    passkeyNameSchema,
    " ",
    [["", "パスキー名を入力してください。", "Please enter your passkey name."]],
  ],
  [
    "a cursor",
    orderPageQuerySchema,
    { cursor: "nope" },
    [
      [
        "cursor",
        "続きの表示位置が正しくありません。一覧を最初から表示し直してください。",
        "The position to continue from is not valid. Please show the list again from the beginning.",
      ],
    ],
  ],
];

describe("the shared schemas' field messages", () => {
  describe.each(cases)("%s", (_, schema, value, expected) => {
    it("read in Japanese exactly as the forms have always said them", () => {
      expect(messages(schema, value, "ja")).toEqual(expected.map(([path, ja]) => [path, ja]));
    });

    it("read in English", () => {
      expect(messages(schema, value, "en")).toEqual(expected.map(([path, , en]) => [path, en]));
    });
  });

  it("default to Japanese", () => {
    const result = loginRequestSchema.safeParse({ customerCode: "", password: "x" });
    expect(toFieldErrors(result.error?.issues ?? [])[0]?.message).toBe("お客様コードを入力してください。");
  });
});

describe("exported messages are ids of the browser catalogue", () => {
  const ids = [
    UNUSABLE_CHARACTERS_MESSAGE,
    INVALID_CURSOR_MESSAGE,
    MARGIN_AGREEMENT_REQUIRED_MESSAGE,
    marginAccountNotOpenMessage,
  ];

  it.each(ids)("%s", (id) => {
    expect(contractsTranslator.has(id)).toBe(true);
  });

  it("words 信用新規 without a 信用取引口座 in both languages", () => {
    expect(contractsTranslator.ref("ja", marginAccountNotOpenMessage)).toBe(
      "信用取引口座が開設されていないため、信用取引の新規建てのご注文はお受けできません。",
    );
    expect(contractsTranslator.ref("en", marginAccountNotOpenMessage)).toBe(
      "We cannot accept orders that open a margin position because you do not have a margin account.",
    );
  });

  it("names whom a locked customer calls, in both languages", () => {
    const message = accountLockedMessage({ phone: "0120-000-000", hours: "平日 8:30〜17:00" });
    expect(contractsTranslator.ref("ja", message)).toBe(
      "執行パスワードの入力誤りが上限（9回）に達したため、アカウントをロックしました。ロックの解除をご希望の場合は、お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）までお電話でご連絡ください。本人確認のうえ解除いたします。",
    );
    expect(contractsTranslator.ref("en", message)).toContain(
      "please call the Customer Support Center (お客様サポートセンター) on 0120-000-000 (hours: 平日 8:30〜17:00).",
    );
  });
});

describe("the password policy's messages", () => {
  const all = [
    ...Object.values(violationMessages.login),
    ...Object.values(violationMessages.execution),
    ...Object.values(storedHashViolationMessages.same_as_other_password),
    storedHashViolationMessages.reused_password(5),
    ...checklistRules("login").map((rule) => rule.label),
    ...checklistRules("execution").map((rule) => rule.label),
  ];

  it.each(all)("%s is a message of the browser catalogue, worded in both languages", (message) => {
    expect(contractsTranslator.has(parseMessageRef(message).id)).toBe(true);
    for (const locale of locales) {
      const text = contractsTranslator.ref(locale, message);
      expect(text).not.toMatch(/\{|validation\.|fields\./);
      if (locale === "en") expect(text).not.toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });

  it("fill in the kind and the limits", () => {
    expect(contractsTranslator.ref("en", violationMessages.login.too_short)).toBe(
      "Your login password must be at least 6 characters.",
    );
    expect(contractsTranslator.ref("en", violationMessages.execution.too_long)).toBe(
      "Your execution password must be 20 characters or fewer.",
    );
    expect(contractsTranslator.ref("en", checklistRules("execution")[0]?.label ?? "")).toBe("4–20 characters");
    expect(contractsTranslator.ref("en", storedHashViolationMessages.reused_password(5))).toBe(
      "You cannot reuse any of your last 5 passwords.",
    );
  });
});
