import { contractsTranslator } from "@kakunin/contracts/translator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords.ts";
import type { PasswordKind, PolicyContext, ViolationCode } from "./policy.ts";
import { checkPassword } from "./policy.ts";
import { checkComposition, checkRules, violationMessages } from "./rules.ts";
import { anyKind, demoContexts, passwordish, policyContext } from "./test-arbitraries.ts";

const codes = (violations: { code: ViolationCode }[]) => violations.map((v) => v.code);
const { yamada, sato, suzuki } = demoContexts;
/** A message (an id with values) as a Japanese reader sees it, from the contracts' catalogue. */
const ja = (message: string | undefined) => contractsTranslator.ref("ja", message ?? "");

const allCodes: readonly ViolationCode[] = [
  "too_short",
  "too_long",
  "invalid_characters",
  "composition",
  "contains_customer_code",
  "contains_birth_date",
  "contains_phone_number",
  "sequential",
  "repeated",
  "common_password",
];

// Real examples for the notice's rules; unless stated, the customer is 1000001 山田 太郎
// (born 1980-01-15, tel 090-1234-5678). Expected codes are exact and in canonical order.
const examples: [PasswordKind, string, ViolationCode[], PolicyContext?][] = [
  // SPEC §9 demo passwords must pass for their owners.
  ["login", "Kiso8pine3", []],
  ["login", "Tsuki5river8", [], sato],
  ["login", "Haru3wind6", [], suzuki],
  ["execution", "Ume4k9", []],
  ["execution", "Rk7m2x", [], sato],
  ["execution", "Zq8v4n", [], suzuki],
  // More acceptable passwords.
  ["login", "Sakura7tree", []],
  ["login", "Kiso15pine", []],
  ["execution", "m0ri!Aoi", []],
  ["execution", "a-b.c_D9", []],
  // Length, charset, composition.
  ["login", "abc", ["too_short", "composition"]],
  ["execution", "Ab1", ["too_short"]],
  ["login", "Kiso8pine3Kiso8pine3K", ["too_long"]],
  ["execution", "Kiso8pine3Kiso8pine3K", ["too_long"]],
  ["login", "ｐａｓｓ１２", ["invalid_characters", "composition"]],
  ["login", "Kiso8 pine", ["invalid_characters"]],
  ["login", "Kiso8pine!", ["invalid_characters"]],
  ["execution", "Ume 4k9", ["invalid_characters"]],
  ["execution", "Ume4k9あ", ["invalid_characters"]],
  ["login", "abcdef", ["composition", "sequential"]],
  ["login", "Kisopine", ["composition"]],
  ["login", "86429753", ["composition"]],
  ["execution", "abcd", ["composition", "sequential"]],
  ["execution", "kisopine", ["composition"]],
  ["execution", "KISO!PINE", ["composition"]],
  // Personal data.
  ["login", "pw1000001", ["contains_customer_code", "repeated"]],
  ["login", "Kiso1000001x", ["contains_customer_code", "repeated"]],
  ["login", "Ab1000002", ["contains_customer_code", "repeated"], sato],
  ["login", "x19800115", ["contains_birth_date"]],
  ["login", "a0115bc", ["contains_birth_date"]],
  ["login", "Kiso800115", ["contains_birth_date"]],
  ["execution", "Pw1980/1/15", ["contains_birth_date"]],
  ["execution", "Pw1980-01-15", ["contains_birth_date"]],
  ["login", "x15011980", ["contains_birth_date"]],
  ["login", "Kiso150180", ["contains_birth_date"]],
  ["login", "Kiso011580", ["contains_birth_date"]],
  ["login", "Kiso1980115", ["contains_birth_date"]],
  ["login", "Hana0630x", ["contains_birth_date"], sato],
  ["login", "Hana0630x", []],
  ["login", "my5678pw", ["contains_phone_number", "sequential"]],
  ["login", "Kiso0901x", ["contains_phone_number"]],
  ["login", "Kiso2345x", ["contains_phone_number", "sequential"]],
  ["execution", "Pw090-1234", ["contains_phone_number", "sequential"]],
  ["login", "Kiso9876x", ["contains_phone_number", "sequential"], sato],
  ["login", "Kiso0101x", ["contains_phone_number"], suzuki],
  // Sequences and repetitions.
  ["login", "abcd5678", ["contains_phone_number", "sequential"]],
  ["login", "qwer12ZZ", ["sequential"]],
  ["login", "Kiso9876x", ["sequential"]],
  ["login", "Pine7890x", ["sequential"]],
  ["login", "Kiso0987x", ["sequential"]],
  ["login", "lkjh5Kiso", ["sequential"]],
  ["login", "ZYXW5kiso", ["sequential"]],
  ["execution", "Ab!@#$", ["sequential"]],
  ["login", "aaaa12Bc", ["repeated"]],
  ["login", "Kiso1111x", ["repeated"]],
  ["login", "AaAa12Bc", ["repeated"]],
  ["execution", "Ab!!!!", ["repeated"]],
  // Common passwords, case-insensitively.
  ["login", "abc123", ["common_password"]],
  ["login", "Password1", ["common_password"]],
  ["login", "PASSWORD1", ["common_password"]],
  ["login", "trustno1", ["common_password"]],
  ["execution", "Qwerty", ["sequential", "common_password"]],
  ["execution", "1q2w3e4r", ["common_password"]],
  // Several at once.
  ["login", "aaaa1000001abcd", ["contains_customer_code", "sequential", "repeated"]],
];

describe("checkPassword: examples from the notice's rules", () => {
  it.each(examples)("%s %j → %j", (kind, candidate, expected, ctx = yamada) => {
    const violations = checkPassword(kind, candidate, ctx);
    expect(codes(violations)).toEqual(expected);
    for (const v of violations) expect(v.message).toBe(violationMessages[kind][v.code]);
  });

  it("has at least one example for every violation code", () => {
    const covered = new Set(examples.flatMap(([, , expected]) => expected));
    expect([...covered].sort()).toEqual([...allCodes].sort());
  });

  it("uses the kind's wording for kind-specific rules", () => {
    expect(ja(checkPassword("execution", "Ab1", yamada)[0]?.message)).toBe(
      "執行パスワードは4文字以上で入力してください。",
    );
    expect(ja(checkPassword("login", "Ab1", yamada)[0]?.message)).toBe(
      "ログインパスワードは6文字以上で入力してください。",
    );
    expect(ja(checkPassword("login", "Password1", yamada)[0]?.message)).toBe(
      "よく使われるパスワードは登録できません。",
    );
  });
});

describe("checkPassword: properties", () => {
  const anyCandidate = fc.oneof(passwordish, fc.string({ unit: "binary", maxLength: 30 }));

  it("checkComposition ⊆ checkRules ⊆ checkPassword (by code)", () => {
    fc.assert(
      fc.property(anyKind, anyCandidate, policyContext, (kind, candidate, ctx) => {
        const composition = codes(checkComposition(kind, candidate));
        const rules = codes(checkRules(kind, candidate, ctx));
        const full = codes(checkPassword(kind, candidate, ctx));
        for (const code of composition) expect(rules).toContain(code);
        for (const code of rules) expect(full).toContain(code);
        // The only difference is the dictionary.
        expect(full.filter((c) => !rules.includes(c))).toEqual(isCommonPassword(candidate) ? ["common_password"] : []);
      }),
    );
  });

  it("returns each code at most once, in canonical order, with the kind's message", () => {
    fc.assert(
      fc.property(anyKind, anyCandidate, policyContext, (kind, candidate, ctx) => {
        const violations = checkPassword(kind, candidate, ctx);
        const found = codes(violations);
        expect(found).toEqual(allCodes.filter((c) => found.includes(c)));
        for (const v of violations) expect(v.message).toBe(violationMessages[kind][v.code]);
      }),
    );
  });

  it("is deterministic and ignores the case of letters for pattern rules", () => {
    fc.assert(
      fc.property(anyKind, passwordish, policyContext, (kind, candidate, ctx) => {
        const caseSensitive: ViolationCode[] = ["composition"];
        const strip = (list: ViolationCode[]) => list.filter((c) => !caseSensitive.includes(c));
        expect(checkPassword(kind, candidate, ctx)).toEqual(checkPassword(kind, candidate, ctx));
        expect(strip(codes(checkPassword(kind, candidate.toUpperCase(), ctx)))).toEqual(
          strip(codes(checkPassword(kind, candidate.toLowerCase(), ctx))),
        );
      }),
    );
  });
});
