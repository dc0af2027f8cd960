import { dictionary } from "@zxcvbn-ts/language-common";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "./common-passwords.ts";
import { withRandomCase } from "./test-arbitraries.ts";

const list = dictionary["passwords-common"];

describe("common passwords", () => {
  it("is a real list of at least 10,000 entries (SPEC R3)", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(commonPasswordCount()).toBe(new Set(list.map((p) => p.toLowerCase())).size);
  });

  it.each(["123456", "password", "qwerty", "abc123", "letmein", "Password1", "PASSWORD1", "iloveyou", "trustno1"])(
    "%s is common",
    (candidate) => {
      expect(isCommonPassword(candidate)).toBe(true);
    },
  );

  it.each(["Kiso8pine3", "Tsuki5river8", "Haru3wind6", "Ume4k9", "Rk7m2x", "Zq8v4n", ""])(
    "%j is not common",
    (candidate) => {
      expect(isCommonPassword(candidate)).toBe(false);
    },
  );

  it("every case variation of every listed password is common", () => {
    const entry = fc.nat({ max: list.length - 1 }).map((i) => list[i] ?? "");
    fc.assert(
      fc.property(entry.chain(withRandomCase), (candidate) => {
        expect(isCommonPassword(candidate)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("answers a check quickly once loaded", () => {
    isCommonPassword("warm-up");
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) isCommonPassword(`Candidate${i}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
