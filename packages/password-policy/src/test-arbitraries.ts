// fast-check arbitraries shared by the tests (not exported from the package).
import fc from "fast-check";
import type { PasswordKind, PolicyContext } from "./rules.ts";

export const kinds: readonly PasswordKind[] = ["login", "execution"];
export const anyKind = fc.constantFrom<PasswordKind>(...kinds);

/** The demo customers of SPEC §9. */
export const demoContexts = {
  yamada: { customerCode: "1000001", birthDate: "1980-01-15", phone: "090-1234-5678" },
  sato: { customerCode: "1000002", birthDate: "1975-06-30", phone: "080-9876-5432" },
  suzuki: { customerCode: "1000003", birthDate: "1990-11-03", phone: "070-5555-0101" },
} satisfies Record<string, PolicyContext>;

const digit = fc.constantFrom(..."0123456789");
export const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });

export const isoDate = fc
  .date({ min: new Date("1910-01-01T00:00:00Z"), max: new Date("2010-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const policyContext: fc.Arbitrary<PolicyContext> = fc.record({
  customerCode: fc.tuple(fc.constantFrom(..."123456789"), digits(6)).map(([a, b]) => a + b),
  birthDate: isoDate,
  phone: fc
    .tuple(fc.constantFrom("090", "080", "070", "03"), digits(4), digits(4), fc.constantFrom("-", " ", ""))
    .map(([area, a, b, sep]) => [area, a, b].join(sep)),
});

// Characters that exercise every rule: letters of both cases, digits, symbols, space,
// full-width and accented letters, and a character outside the BMP.
const interesting = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%-/._ ",
  "ａ",
  "１",
  "é",
  "😀",
];
export const passwordish = fc.string({ unit: fc.constantFrom(...interesting), maxLength: 24 });

/** Randomly upper-cases letters, to check case-insensitivity. */
export const withRandomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((mask) => [...s].map((c, i) => (mask[i] ? c.toUpperCase() : c)).join(""));
