import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { passwordChecklist } from "./password-checklist.ts";

const state = (items: { label: string; met: boolean }[]) => Object.fromEntries(items.map((i) => [i.label, i.met]));

describe("passwordChecklist", () => {
  it("execution: 4〜20 characters and two kinds of digit / lower / upper", () => {
    expect(state(passwordChecklist("execution", ""))).toEqual({
      "4〜20文字": false,
      "数字・英小文字・英大文字のうち2種類以上": false,
    });
    expect(state(passwordChecklist("execution", "abc1"))).toEqual({
      "4〜20文字": true,
      "数字・英小文字・英大文字のうち2種類以上": true,
    });
    expect(state(passwordChecklist("execution", "abcdef"))["数字・英小文字・英大文字のうち2種類以上"]).toBe(false);
    expect(state(passwordChecklist("execution", "aB1"))["4〜20文字"]).toBe(false);
    expect(state(passwordChecklist("execution", "aB1".repeat(7)))["4〜20文字"]).toBe(false);
  });

  it("login: 6〜20 characters, a letter and a digit, letters and digits only", () => {
    expect(state(passwordChecklist("login", ""))).toEqual({
      "6〜20文字": false,
      英字と数字をそれぞれ含む: false,
      英数字のみ: false,
    });
    expect(state(passwordChecklist("login", "Kiso8pine3"))).toEqual({
      "6〜20文字": true,
      英字と数字をそれぞれ含む: true,
      英数字のみ: true,
    });
    expect(state(passwordChecklist("login", "kiso-8pine"))).toEqual({
      "6〜20文字": true,
      英字と数字をそれぞれ含む: true,
      英数字のみ: false,
    });
  });
});

describe("passwordChecklist in English", () => {
  beforeEach(async () => {
    await activateLocale("en");
  });
  afterEach(async () => {
    await activateLocale("ja");
  });

  it("words the rules in the current language", () => {
    expect(state(passwordChecklist("execution", "abc1"))).toEqual({
      "4–20 characters": true,
      "At least two of: numbers, lowercase letters, uppercase letters": true,
    });
    expect(state(passwordChecklist("login", "kiso-8pine"))).toEqual({
      "6–20 characters": true,
      "Contains both letters and numbers": true,
      "Letters and numbers only": false,
    });
  });
});
