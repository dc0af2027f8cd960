import { readFileSync } from "node:fs";
import { contractsTranslator } from "@kakunin/contracts/translator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ViolationCode } from "./rules.ts";
import {
  checkComposition,
  checklistRules,
  checkRules,
  passwordLimits,
  storedHashViolationMessages,
  violationMessages,
} from "./rules.ts";
import {
  anyKind,
  demoContexts,
  digits,
  isoDate,
  kinds,
  passwordish,
  policyContext,
  withRandomCase,
} from "./test-arbitraries.ts";

const codes = (violations: { code: ViolationCode }[]) => violations.map((v) => v.code);
const yamada = demoContexts.yamada;
/** A message (an id with values) as a Japanese reader sees it, from the contracts' catalogue. */
const ja = (message: string) => contractsTranslator.ref("ja", message);

describe("rules.ts stays browser-safe", () => {
  it("imports nothing (the SPA bundles it; the dictionary must stay out)", () => {
    const source = readFileSync(new URL("./rules.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s/m);
    expect(source).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
  });
});

describe("passwordLimits and messages", () => {
  it("match the notice: login 6–20, execution 4–20", () => {
    expect(passwordLimits).toEqual({ login: { min: 6, max: 20 }, execution: { min: 4, max: 20 } });
  });

  it("name the password kind and the limits in Japanese", () => {
    expect(ja(violationMessages.execution.too_short)).toBe("執行パスワードは4文字以上で入力してください。");
    expect(ja(violationMessages.login.too_short)).toBe("ログインパスワードは6文字以上で入力してください。");
    expect(ja(violationMessages.login.too_long)).toBe("ログインパスワードは20文字以内で入力してください。");
    expect(ja(violationMessages.login.composition)).toBe(
      "ログインパスワードは英字と数字をそれぞれ1文字以上含めてください。",
    );
    expect(ja(violationMessages.login.contains_phone_number)).toBe(
      "電話番号（またはその一部）を含むパスワードは登録できません。",
    );
    for (const kind of kinds) {
      for (const message of Object.values(violationMessages[kind])) {
        expect(contractsTranslator.has(message.split("?")[0] as string), message).toBe(true);
        expect(ja(message)).toMatch(/[ぁ-んァ-ン一-龯]/);
      }
    }
  });

  it("word the rules core checks with the stored hashes, and the checklist, in Japanese", () => {
    expect(ja(storedHashViolationMessages.same_as_other_password.login)).toBe(
      "執行パスワードと同じパスワードはログインパスワードに登録できません。",
    );
    expect(ja(storedHashViolationMessages.same_as_other_password.execution)).toBe(
      "ログインパスワードと同じパスワードは執行パスワードに登録できません。",
    );
    expect(ja(storedHashViolationMessages.reused_password(5))).toBe(
      "過去に使用したパスワード（直近5回分）は登録できません。",
    );
    expect(checklistRules("execution").map((rule) => ja(rule.label))).toEqual([
      "4〜20文字",
      "数字・英小文字・英大文字のうち2種類以上",
    ]);
    expect(checklistRules("login").map((rule) => ja(rule.label))).toEqual([
      "6〜20文字",
      "英字と数字をそれぞれ含む",
      "英数字のみ",
    ]);
  });
});

describe("checkComposition", () => {
  it.each([
    ["login", "Kiso8pine3", []],
    ["login", "abc", ["too_short", "composition"]],
    ["login", "Ab1", ["too_short"]],
    ["login", "abcdefghij1234567890x", ["too_long"]],
    ["login", "abcdef", ["composition"]],
    ["login", "123456", ["composition"]],
    ["login", "Kiso8 pine", ["invalid_characters"]],
    ["login", "Kiso8pine!", ["invalid_characters"]],
    ["login", "ｐａｓｓ１２", ["invalid_characters", "composition"]],
    ["login", "", ["too_short", "composition"]],
    ["execution", "Ume4k9", []],
    ["execution", "Ab1", ["too_short"]],
    ["execution", "abcd", ["composition"]],
    ["execution", "ABCD", ["composition"]],
    ["execution", "1234", ["composition"]],
    ["execution", "!@#$%^", ["composition"]],
    ["execution", "ab12", []],
    ["execution", "AB12", []],
    ["execution", "abCD", []],
    ["execution", "a!B#", []],
    ["execution", "ab 12", ["invalid_characters"]],
    ["execution", "ab１2", ["invalid_characters"]],
    ["execution", "Ume4k9é", ["invalid_characters"]],
  ] as const)("%s %j → %j", (kind, candidate, expected) => {
    expect(codes(checkComposition(kind, candidate))).toEqual(expected);
  });

  it("counts characters as code points, not UTF-16 units", () => {
    expect(codes(checkComposition("execution", "😀😀😀😀"))).not.toContain("too_short");
    expect(codes(checkComposition("execution", "😀😀😀"))).toContain("too_short");
  });
});

describe("birth date (1980-01-15)", () => {
  // The documented set of forms; each is rejected anywhere inside the password.
  it.each([
    "19800115",
    "1980115",
    "800115",
    "0115",
    "1980-01-15",
    "1980/01/15",
    "1980/1/15",
    "1980.1.15",
    "1980-1-15",
    "15011980",
    "01151980",
    "1511980",
    "150180",
    "011580",
    "550115", // 昭和55年1月15日
    "S55.1.15",
    "s550115",
  ])("rejects %s inside a password", (form) => {
    expect(codes(checkRules("execution", `Xy${form}z`, yamada))).toContain("contains_birth_date");
  });

  // Not so broad that ordinary passwords fail.
  it.each(["Kiso15pine", "Kiso115x", "Kiso1980x", "Ab1501cd", "Ab01x15", "Kiso80x"])("accepts %s", (candidate) => {
    expect(codes(checkRules("login", candidate, yamada))).not.toContain("contains_birth_date");
  });

  it("uses the era in force on the day (昭和64年1月7日 / 平成元年1月8日)", () => {
    const lastShowa = { ...yamada, birthDate: "1989-01-07" };
    const firstHeisei = { ...yamada, birthDate: "1989-01-08" };
    expect(codes(checkRules("execution", "Ab640107", lastShowa))).toContain("contains_birth_date");
    expect(codes(checkRules("execution", "AbH1.1.8", firstHeisei))).toContain("contains_birth_date");
    expect(codes(checkRules("execution", "AbS64.1.8", firstHeisei))).not.toContain("contains_birth_date");
  });

  it("skips the rule when the birth date is missing or not ISO", () => {
    expect(codes(checkRules("login", "x19800115", { ...yamada, birthDate: "" }))).toEqual([]);
  });
});

describe("phone number (090-1234-5678)", () => {
  it.each(["1234", "5678", "0901", "3456", "09012345678", "090-1234", "Ab2345", "x4567y"])(
    "rejects a password containing %s",
    (part) => {
      expect(codes(checkRules("execution", `Zq${part}`, yamada))).toContain("contains_phone_number");
    },
  );

  it("accepts 3-digit fragments", () => {
    expect(codes(checkRules("login", "Ab090cd567", yamada))).toEqual([]);
  });

  it("also checks the domestic digits of an international number", () => {
    const ctx = { ...yamada, phone: "+81 90-1234-5678" };
    expect(codes(checkRules("login", "Kiso0901x", ctx))).toContain("contains_phone_number");
  });
});

describe("sequential and repeated", () => {
  it.each([
    "abcd",
    "ABCD",
    "wxyz",
    "zyxw",
    "1234",
    "9876",
    "7890",
    "0987",
    "qwer",
    "QwEr",
    "poiu",
    "lkjh",
    "asdf",
    "zxcv",
    "mnbv",
    "!@#$",
  ])("%s is sequential", (run) => {
    expect(codes(checkRules("execution", `Rk7${run}`, yamada))).toContain("sequential");
  });

  it.each(["abc", "123", "abce", "1235", "qwe", "qwrt", "9012", "yzab", "ab-cd"])("%s is not sequential", (run) => {
    expect(codes(checkRules("execution", `Rk7${run}`, yamada))).not.toContain("sequential");
  });

  it.each(["aaaa", "AAAA", "aAaA", "1111", "!!!!", "zzzzzz"])("%s is repeated", (run) => {
    expect(codes(checkRules("execution", `Rk7${run}`, yamada))).toContain("repeated");
  });

  it("aaa is not repeated", () => {
    expect(codes(checkRules("execution", "Rk7aaa", yamada))).not.toContain("repeated");
  });
});

describe("properties", () => {
  it("any string longer than the maximum is too_long (and never too_short)", () => {
    fc.assert(
      fc.property(anyKind, fc.string({ unit: "binary", minLength: 21, maxLength: 40 }), (kind, candidate) => {
        const found = codes(checkComposition(kind, candidate));
        expect(found).toContain("too_long");
        expect(found).not.toContain("too_short");
      }),
    );
  });

  it("any alphanumeric string within the limits has no length or charset violation", () => {
    const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    fc.assert(
      fc.property(anyKind, fc.string({ unit: alnum, minLength: 6, maxLength: 20 }), (kind, candidate) => {
        const found = codes(checkComposition(kind, candidate));
        expect(found).not.toContain("too_short");
        expect(found).not.toContain("too_long");
        expect(found).not.toContain("invalid_characters");
      }),
    );
  });

  it("any string containing the customer code is rejected", () => {
    fc.assert(
      fc.property(anyKind, passwordish, passwordish, policyContext, (kind, before, after, ctx) => {
        expect(codes(checkRules(kind, before + ctx.customerCode + after, ctx))).toContain("contains_customer_code");
      }),
    );
  });

  it("inserting any 4-digit window of the phone number is rejected", () => {
    fc.assert(
      fc.property(anyKind, passwordish, passwordish, policyContext, fc.nat(), (kind, before, after, ctx, at) => {
        const phoneDigits = ctx.phone.replace(/\D/g, "");
        const start = at % (phoneDigits.length - 3);
        const run = phoneDigits.slice(start, start + 4);
        expect(codes(checkRules(kind, before + run + after, ctx))).toContain("contains_phone_number");
      }),
    );
  });

  it("inserting the birth date in any documented form is rejected", () => {
    const form = fc.constantFrom(
      (y: string, m: string, d: string) => y + m + d,
      (y: string, m: string, d: string) => y.slice(2) + m + d,
      (_y: string, m: string, d: string) => m + d,
      (y: string, m: string, d: string) => d + m + y,
      (y: string, m: string, d: string) => m + d + y,
      (y: string, m: string, d: string) => d + m + y.slice(2),
      (y: string, m: string, d: string) => m + d + y.slice(2),
      (y: string, m: string, d: string) => `${y}/${Number(m)}/${Number(d)}`,
      (y: string, m: string, d: string) => `${y}.${Number(m)}.${d}`,
      (y: string, m: string, d: string) => `${y}-${m}-${d}`,
      (y: string, m: string, d: string) => y + Number(m) + Number(d),
    );
    fc.assert(
      fc.property(
        anyKind,
        passwordish,
        passwordish,
        policyContext,
        isoDate,
        form,
        (kind, before, after, base, date, f) => {
          const ctx = { ...base, birthDate: date };
          const [y = "", m = "", d = ""] = date.split("-");
          expect(codes(checkRules(kind, before + f(y, m, d) + after, ctx))).toContain("contains_birth_date");
        },
      ),
    );
  });

  it("personal-data rules never fire on a password without digits", () => {
    const noDigits = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#-") });
    fc.assert(
      fc.property(anyKind, noDigits, policyContext, (kind, candidate, ctx) => {
        const found = codes(checkRules(kind, candidate, ctx));
        expect(found).not.toContain("contains_customer_code");
        expect(found).not.toContain("contains_birth_date");
        expect(found).not.toContain("contains_phone_number");
      }),
    );
  });

  it("any character repeated 4+ times in a row is rejected", () => {
    fc.assert(
      fc.property(
        anyKind,
        passwordish,
        passwordish,
        fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
        fc.integer({ min: 4, max: 8 }),
        (kind, before, after, char, times) => {
          expect(codes(checkRules(kind, before + char.repeat(times) + after, yamada))).toContain("repeated");
        },
      ),
    );
  });

  it("a letter repeated 4 times in any mix of case is rejected", () => {
    const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz");
    fc.assert(
      fc.property(
        anyKind,
        passwordish,
        passwordish,
        letter.chain((c) => withRandomCase(c.repeat(4))),
        (kind, before, after, run) => {
          expect(codes(checkRules(kind, before + run + after, yamada))).toContain("repeated");
        },
      ),
    );
  });

  it("any 4-run of the alphabet, digits or a keyboard row, either direction, any case, is rejected", () => {
    const sequences = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    const run = fc
      .tuple(fc.constantFrom(...sequences), fc.nat(), fc.integer({ min: 4, max: 7 }), fc.boolean())
      .map(([s, at, len, reversed]) => {
        const start = at % (s.length - len + 1);
        const forward = s.slice(start, start + len);
        return reversed ? [...forward].reverse().join("") : forward;
      })
      .chain(withRandomCase);
    fc.assert(
      fc.property(anyKind, passwordish, passwordish, run, (kind, before, after, r) => {
        expect(codes(checkRules(kind, before + r + after, yamada))).toContain("sequential");
      }),
    );
  });

  it("three digits never match the phone number (its runs are 4 digits long)", () => {
    fc.assert(
      fc.property(anyKind, digits(3), (kind, three) => {
        expect(codes(checkRules(kind, `Kiso${three}x`, yamada))).not.toContain("contains_phone_number");
      }),
    );
  });
});
