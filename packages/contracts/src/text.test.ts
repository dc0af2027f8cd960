import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { loginRequestSchema } from "./auth.ts";
import { coreRoutes } from "./core-api.ts";
import { changeExecutionPasswordRequestSchema, changeLoginPasswordRequestSchema } from "./credentials.ts";
import { mailSettingChangeSchema } from "./mail.ts";
import { opsActionRequestSchema, opsCustomerPathSchema, opsMailPathSchema, opsSetPriceRequestSchema } from "./ops.ts";
import { emailChangeSchema, profileChangeSchema } from "./registered-info.ts";
import { idempotencyKeySchema, startStepUpRequestSchema, verifyStepUpRequestSchema } from "./step-up.ts";
import { createTestCustomerRequestSchema, setTestClockRequestSchema } from "./test-support.ts";
import { isUsableText, singleLineText, UNUSABLE_CHARACTERS_MESSAGE } from "./text.ts";
import {
  cancelOrderRequestSchema,
  modifyOrderRequestSchema,
  orderNumberSchema,
  orderRequestSchema,
} from "./trading.ts";
import { contractsTranslator } from "./translator.ts";
import { bankAccountChangeSchema, withdrawalRequestSchema } from "./withdrawals.ts";

describe("isUsableText", () => {
  it.each([
    ["Japanese", "東京都渋谷区渋谷2-24-12"],
    ["full-width space and katakana", "ヤマダ　タロウ"],
    ["a surrogate pair (emoji)", "🙂"],
    ["a kanji outside the BMP", "𠮷野家"],
    ["empty", ""],
  ])("accepts %s", (_, value) => {
    expect(isUsableText(value)).toBe(true);
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a C0 control", "a\u0001b"],
    ["ESC (terminal sequences)", "\u001b[31m"],
    ["tab", "a\tb"],
    ["line feed", "a\nb"],
    ["carriage return", "a\rb"],
    ["DEL", "a\u007fb"],
    ["a C1 control (NEL)", "a\u0085b"],
    ["a C1 control (CSI)", "a\u009bb"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone high surrogate at the end", "a\udbff"],
    ["a lone low surrogate", "\udc00b"],
    ["a reversed pair", "\ude00\ud83d"],
  ])("refuses %s", (_, value) => {
    expect(isUsableText(value)).toBe(false);
  });
});

/** The issues' messages as a Japanese reader sees them. */
const ja = (issues: readonly { message: string }[] | undefined) =>
  (issues ?? []).map((i) => contractsTranslator.ref("ja", i.message));

describe("singleLineText", () => {
  const address = singleLineText("fields.address", 10);

  it("trims, and keeps the label's messages for missing and too long", () => {
    expect(address.parse("  東京都  ")).toBe("東京都");
    expect(ja(address.safeParse("   ").error?.issues)).toEqual(["住所を入力してください。"]);
    expect(ja(address.safeParse(undefined).error?.issues)).toEqual(["住所を入力してください。"]);
    expect(ja(address.safeParse("あ".repeat(11)).error?.issues)).toEqual(["住所は10文字以内で入力してください。"]);
  });

  it("names the field in English too", () => {
    const en = (value: unknown) =>
      address.safeParse(value).error?.issues.map((i) => contractsTranslator.ref("en", i.message));
    expect(en(" ")).toEqual(["Please enter your address."]);
    expect(en("a".repeat(11))).toEqual(["Your address must be 10 characters or fewer."]);
    expect(en("a\u0000")).toEqual(["This contains characters that cannot be used."]);
  });

  it("refuses unusable characters with one field message and a machine-readable reason", () => {
    // Also too long: only the character message shows, the one that tells what to fix.
    expect(address.safeParse("東京都\u0000渋谷区渋谷2-24-12").error?.issues).toEqual([
      { code: "custom", path: [], message: UNUSABLE_CHARACTERS_MESSAGE, params: { reason: "unusable_characters" } },
    ]);
  });
});

describe("orderNumberSchema: the format core issues (O and 8 digits)", () => {
  it("accepts core's order numbers", () => {
    expect(orderNumberSchema.parse("O00000001")).toBe("O00000001");
    expect(orderNumberSchema.parse("O99999999")).toBe("O99999999");
  });

  it.each(["", "O1", "o00000001", "O000000001", "O0000000１", "O00000001\u0000", "O0000000\ud800", " O00000001"])(
    "refuses %j with a field message",
    (value) => {
      expect(ja(orderNumberSchema.safeParse(value).error?.issues)).toEqual(["注文番号の形式が正しくありません。"]);
    },
  );
});

/** The named free-text fields of the issue, each refused with the field-level message. */
describe.each([
  [
    "口座情報変更 address",
    profileChangeSchema,
    { postalCode: "150-0002", address: "東京都", phone: "090-1234-5678" },
    "address",
  ],
  ["出金先口座変更 bankName", bankAccountChangeSchema, bankChange(), "bankName"],
  ["出金先口座変更 branchName", bankAccountChangeSchema, bankChange(), "branchName"],
  ["出金先口座変更 holderKana", bankAccountChangeSchema, bankChange(), "holderKana"],
  ["login password", loginRequestSchema, { customerCode: "1000001", password: "Kiso8pine3" }, "password"],
  ["執行パスワード on a confirmation", verifyStepUpRequestSchema, { executionPassword: "Rk7m2x" }, "executionPassword"],
  ["current password", changeExecutionPasswordRequestSchema, passwords(), "currentPassword"],
  ["ops operator", opsActionRequestSchema, { operator: "佐藤", note: "本人確認済み" }, "operator"],
  ["ops note", opsActionRequestSchema, { operator: "佐藤", note: "本人確認済み" }, "note"],
])("%s", (_, schema, valid, field) => {
  it.each([
    ["NUL", "\u0000"],
    ["a lone surrogate", "\ud800"],
    ["a control character", "\u0007"],
    ["a line break", "\n"],
  ])("with %s is refused on the field", (__, bad) => {
    const value = (valid as Record<string, string>)[field] ?? "";
    const body = { ...valid, [field]: `${value.slice(0, 1)}${bad}${value.slice(1)}` };
    expect(schema.safeParse(body).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [field, UNUSABLE_CHARACTERS_MESSAGE],
    ]);
  });

  it("accepts the valid value", () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });
});

function bankChange() {
  return {
    bankName: "みずほ銀行",
    branchName: "渋谷支店",
    accountType: "普通",
    accountNumber: "7654321",
    holderKana: "ヤマダ タロウ",
  };
}

function passwords() {
  return { currentPassword: "Rk7m2x", newPassword: "Fz9q7Kw2", newPasswordConfirmation: "Fz9q7Kw2" };
}

/**
 * Every string any request schema accepts, found by walking the schemas: core's routes
 * (bodies, paths, queries), the BFF's own request bodies, the operator and test-only APIs.
 * A new `z.string()` in a request without the usable-characters check (or a format that
 * implies it) fails here.
 */
const requestSchemas: Record<string, z.ZodType> = {
  ...Object.fromEntries(
    Object.entries(coreRoutes).flatMap(([name, route]) =>
      (["body", "params", "query"] as const).flatMap((part) => {
        const schema = (route as Partial<Record<typeof part, z.ZodType>>)[part];
        return schema ? [[`${name}.${part}`, schema]] : [];
      }),
    ),
  ),
  loginRequestSchema,
  changeExecutionPasswordRequestSchema,
  changeLoginPasswordRequestSchema,
  startStepUpRequestSchema,
  verifyStepUpRequestSchema,
  profileChangeSchema,
  emailChangeSchema,
  mailSettingChangeSchema,
  withdrawalRequestSchema,
  bankAccountChangeSchema,
  orderRequestSchema,
  modifyOrderRequestSchema,
  cancelOrderRequestSchema,
  idempotencyKeySchema,
  opsActionRequestSchema,
  opsSetPriceRequestSchema,
  opsCustomerPathSchema,
  opsMailPathSchema,
  createTestCustomerRequestSchema,
  setTestClockRequestSchema,
};

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Each string schema inside `schema`, with where it sits. */
function stringLeaves(schema: unknown, path: string, seen = new Set<unknown>()): [string, z.ZodType][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (key: string, suffix = "") => stringLeaves(def[key], `${path}${suffix}`, seen);
  switch (def.type) {
    case "string":
      return [[path, schema as z.ZodType]];
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) =>
        stringLeaves(v, `${path}.${k}`, seen),
      );
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return inner("innerType");
    case "pipe":
      return [...inner("in"), ...inner("out")];
    case "union":
      return (def.options as unknown[]).flatMap((o, i) => stringLeaves(o, `${path}|${i}`, seen));
    case "array":
      return inner("element", "[]");
    case "record":
      // Keys of a record (e.g. a confirmation's payload) name fields; the values are checked
      // by the operation's own schema, which is in this list too.
      return [];
    default:
      return [];
  }
}

describe("every string a request schema accepts", () => {
  const leaves = Object.entries(requestSchemas).flatMap(([name, schema]) => stringLeaves(schema, name));

  it("is found (the walk reaches the schemas' strings)", () => {
    expect(leaves.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "changeProfile.body.change.address",
        "requestBankAccountChange.body.change.bankName",
        "cancelOrder.params.orderNumber",
        "verifyLogin.body.client.userAgent",
      ]),
    );
  });

  it.each(["a\u0000", "a\ud800", "a\u0085"])("refuses %j", (bad) => {
    const accepted = leaves.filter(([, leaf]) => leaf.safeParse(bad).success).map(([path]) => path);
    expect(accepted).toEqual([]);
  });
});
