/**
 * Password rules of the 2022-09-18 security upgrade (SPEC R2, R3, R7; notice §1, §2).
 *
 * This module is pure and imports nothing, because the SPA bundles it for live hints while
 * the customer types. The common-password list (~49k entries) lives in `./common-passwords`
 * and is applied by `./policy`; never import either from here.
 *
 * Not checked in this package: "one of the last N passwords" and "same as the other kind's
 * password" (login vs execution). They need the stored hashes, so core checks them.
 *
 * Shared conventions:
 * - Length is counted in Unicode code points, so a full-width "ｐａｓｓ１２" is 6 characters.
 * - Letters are compared case-insensitively.
 * - For personal data (customer code, birth date, phone), separators (- / . _ space) in the
 *   candidate are ignored, so "1980-01-15", "1980/1/15" and "090-1234" are caught like the
 *   digits alone.
 */

export type PasswordKind = "login" | "execution";

export type ViolationCode =
  | "too_short"
  | "too_long"
  | "invalid_characters"
  | "composition"
  | "contains_customer_code"
  | "contains_birth_date"
  | "contains_phone_number"
  | "sequential"
  | "repeated"
  | "common_password";

/**
 * `message` names the broken rule as a message id of the contracts' browser catalogue, with
 * its values (`validation.password.tooShort?field=fields.loginPassword&min=6`, the format of
 * `@kakunin/contracts/message-ref`): the SPA words it in the reader's language next to the
 * field, core and the BFF when they send it back as a field error.
 */
export interface Violation {
  code: ViolationCode;
  message: string;
}

export interface PolicyContext {
  /** お客様コード, e.g. "1000001". */
  customerCode: string;
  /** ISO date, e.g. "1980-01-15" (a trailing time part is ignored). */
  birthDate: string;
  /** Any separators, e.g. "090-1234-5678" or "+81 90 1234 5678". */
  phone: string;
}

// Login: "英数字6桁以上20桁以内" (notice §1). Execution: "4文字以上" (notice §2); the notice
// gives no maximum, 20 matches the login password so one input component fits both.
export const passwordLimits: Record<PasswordKind, { min: number; max: number }> = {
  login: { min: 6, max: 20 },
  execution: { min: 4, max: 20 },
};

/** Canonical order of violations in every result (the order of `ViolationCode`). */
const codeOrder: readonly ViolationCode[] = [
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

const kindField: Record<PasswordKind, string> = {
  login: "fields.loginPassword",
  execution: "fields.executionPassword",
};

/**
 * A message id with its values, written as `messageRef` of `@kakunin/contracts/message-ref`
 * writes it (contracts imports this package, so this one cannot import contracts).
 */
function ref(id: string, values?: Record<string, string | number>): string {
  if (!values) return id;
  return `${id}?${new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)]))}`;
}

// Messages built from the limits so wording and numbers cannot drift apart.
function messagesFor(kind: PasswordKind): Record<ViolationCode, string> {
  const field = kindField[kind];
  const { min, max } = passwordLimits[kind];
  return {
    too_short: ref("validation.password.tooShort", { field, min }),
    too_long: ref("validation.maxLength", { field, max }),
    invalid_characters:
      kind === "login"
        ? "validation.password.loginInvalidCharacters"
        : "validation.password.executionInvalidCharacters",
    composition: kind === "login" ? "validation.password.loginComposition" : "validation.password.executionComposition",
    contains_customer_code: "validation.password.containsCustomerCode",
    contains_birth_date: "validation.password.containsBirthDate",
    contains_phone_number: "validation.password.containsPhoneNumber",
    sequential: "validation.password.sequential",
    repeated: "validation.password.repeated",
    common_password: "validation.password.commonPassword",
  };
}

export const violationMessages: Record<PasswordKind, Record<ViolationCode, string>> = {
  login: messagesFor("login"),
  execution: messagesFor("execution"),
};

/**
 * The rules only core can check, with the stored hashes (see the top of this module): their
 * messages live here with the others, so every password rule is worded in one place.
 */
export const storedHashViolationMessages = {
  /** The new password is the customer's password of the other kind. */
  same_as_other_password: {
    login: "validation.password.sameAsExecutionPassword",
    execution: "validation.password.sameAsLoginPassword",
  } satisfies Record<PasswordKind, string>,
  /** The new password is one of the last `count` of this kind. */
  reused_password: (count: number) => ref("validation.password.reused", { count }),
} as const;

/** A line of the checklist shown while the customer types: met when none of `codes` is violated. */
export interface ChecklistRule {
  id: "length" | "composition" | "characters";
  /** A message id with values, like `Violation.message`. */
  label: string;
  codes: readonly ViolationCode[];
}

/** The composition rules as a checklist, in the order the form lists them. */
export function checklistRules(kind: PasswordKind): ChecklistRule[] {
  const { min, max } = passwordLimits[kind];
  const length: ChecklistRule = {
    id: "length",
    label: ref("validation.password.checklist.length", { min, max }),
    codes: ["too_short", "too_long"],
  };
  if (kind === "execution") {
    return [
      length,
      { id: "composition", label: "validation.password.checklist.executionComposition", codes: ["composition"] },
    ];
  }
  return [
    length,
    { id: "composition", label: "validation.password.checklist.loginComposition", codes: ["composition"] },
    { id: "characters", label: "validation.password.checklist.loginCharacters", codes: ["invalid_characters"] },
  ];
}

/** Deduplicates and sorts codes into the canonical order. */
function toViolations(kind: PasswordKind, codes: Iterable<ViolationCode>): Violation[] {
  const found = new Set(codes);
  return codeOrder.filter((code) => found.has(code)).map((code) => ({ code, message: violationMessages[kind][code] }));
}

function compositionCodes(kind: PasswordKind, candidate: string): ViolationCode[] {
  const codes: ViolationCode[] = [];
  const length = [...candidate].length;
  const { min, max } = passwordLimits[kind];
  if (length < min) codes.push("too_short");
  if (length > max) codes.push("too_long");
  const hasDigit = /[0-9]/.test(candidate);
  const hasLower = /[a-z]/.test(candidate);
  const hasUpper = /[A-Z]/.test(candidate);
  if (kind === "login") {
    // 英数字 only; we also demand both a letter and a digit (stricter than the notice on purpose).
    if (/[^A-Za-z0-9]/.test(candidate)) codes.push("invalid_characters");
    if (!(hasDigit && (hasLower || hasUpper))) codes.push("composition");
  } else {
    // Printable ASCII without space: what every keyboard and password manager can type.
    if (/[^\x21-\x7e]/.test(candidate)) codes.push("invalid_characters");
    if (Number(hasDigit) + Number(hasLower) + Number(hasUpper) < 2) codes.push("composition");
  }
  return codes;
}

/** Length, character set and composition only: for zod schemas and live hints. */
export function checkComposition(kind: PasswordKind, candidate: string): Violation[] {
  return toViolations(kind, compositionCodes(kind, candidate));
}

const pad2 = (n: number) => String(n).padStart(2, "0");

// Japanese era (和暦) starts: a date of birth is often written "S55.1.15" or "550115".
const eras = [
  { letter: "r", start: "2019-05-01", offset: 2018 },
  { letter: "h", start: "1989-01-08", offset: 1988 },
  { letter: "s", start: "1926-12-25", offset: 1925 },
  { letter: "t", start: "1912-07-30", offset: 1911 },
];

/**
 * Forms of a birth date that count as "containing" it, for 1980-01-15:
 * - with the 4-digit year, month/day padded or not: 19800115, 1980115, 15011980, 1511980,
 *   01151980, 1151980 (separated forms such as 1980-01-15, 1980/1/15, 1980.1.15 reduce to
 *   these once separators are dropped);
 * - with the 2-digit year, padded only: 800115 (YYMMDD), 150180 (DDMMYY), 011580 (MMDDYY);
 * - month and day padded: 0115 (MMDD, named in SPEC R3);
 * - Japanese era: 550115 (昭和55年), and with the era letter s55115 / s550115.
 * Deliberately not included, as too broad: the day or month alone ("15"), unpadded month+day
 * without a year ("115"), DDMM, and the year alone.
 */
function birthDateForms(birthDate: string): string[] {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|$)/.exec(birthDate.trim());
  if (!match) return [];
  const [, yyyy = "", monthText = "", dayText = ""] = match;
  const mm = pad2(Number(monthText));
  const dd = pad2(Number(dayText));
  const months = [mm, String(Number(monthText))];
  const days = [dd, String(Number(dayText))];
  const yy = yyyy.slice(2);
  const forms = new Set([mm + dd, yy + mm + dd, dd + mm + yy, mm + dd + yy]);
  const era = eras.find((e) => `${yyyy}-${mm}-${dd}` >= e.start);
  const eraYear = era ? Number(yyyy) - era.offset : 0;
  for (const m of months) {
    for (const d of days) {
      forms.add(yyyy + m + d);
      forms.add(d + m + yyyy);
      forms.add(m + d + yyyy);
      if (era) forms.add(era.letter + eraYear + m + d);
    }
  }
  if (era) forms.add(pad2(eraYear) + mm + dd);
  return [...forms];
}

/** Every run of 4 digits of the phone number; the whole number contains them, so it is covered too. */
function phoneWindows(phone: string): string[] {
  const digits = phone.replace(/\D/g, "");
  // "+81 90-…" is the international form of "090-…": check the domestic digits as well.
  const variants = phone.trim().startsWith("+81") ? [digits, `0${digits.slice(2)}`] : [digits];
  const windows = new Set<string>();
  for (const v of variants) for (let i = 0; i + 4 <= v.length; i++) windows.add(v.slice(i, i + 4));
  return [...windows];
}

// Alphabet, digits and keyboard rows (including the shifted digit row, since execution
// passwords may contain symbols); each is also checked reversed ("9876", "lkjh").
const sequences = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789",
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "!@#$%^&*()",
];
const sequentialRuns = new Set<string>();
for (const forward of sequences) {
  for (const s of [forward, [...forward].reverse().join("")]) {
    for (let i = 0; i + 4 <= s.length; i++) sequentialRuns.add(s.slice(i, i + 4));
  }
}

function hasSequentialRun(lower: string): boolean {
  for (let i = 0; i + 4 <= lower.length; i++) if (sequentialRuns.has(lower.slice(i, i + 4))) return true;
  return false;
}

/** Composition plus every context and pattern rule, except the common-password list. */
export function checkRules(kind: PasswordKind, candidate: string, ctx: PolicyContext): Violation[] {
  const codes = compositionCodes(kind, candidate);
  const lower = candidate.toLowerCase();
  const compact = lower.replace(/[-/._\s]/g, "");
  const customerCode = ctx.customerCode.trim().toLowerCase();
  // An empty value would "contain" in every candidate; missing data simply skips the rule.
  if (customerCode !== "" && compact.includes(customerCode)) codes.push("contains_customer_code");
  if (birthDateForms(ctx.birthDate).some((form) => compact.includes(form))) codes.push("contains_birth_date");
  if (phoneWindows(ctx.phone).some((run) => compact.includes(run))) codes.push("contains_phone_number");
  if (hasSequentialRun(lower)) codes.push("sequential");
  // The i flag makes the back-reference case-insensitive: "aAaA" is a repetition too.
  if (/(.)\1{3}/isu.test(candidate)) codes.push("repeated");
  return toViolations(kind, codes);
}
