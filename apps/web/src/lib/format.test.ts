import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatCount,
  formatJstDate,
  formatJstDateHour,
  formatJstDateTime,
  formatJstDay,
  formatPrice,
  formatYen,
} from "./format.ts";
import { activateLocale } from "./i18n/catalog.ts";

describe("formatJstDateTime", () => {
  it("shows Japan time whatever the instant's offset", () => {
    expect(formatJstDateTime("2026-11-25T07:04:05Z")).toBe("2026/11/25 16:04:05");
    expect(formatJstDateTime("2026-11-24T15:00:00.000Z")).toBe("2026/11/25 00:00:00");
    expect(formatJstDateTime("2026-11-25T16:04:05+09:00")).toBe("2026/11/25 16:04:05");
  });
});

describe("formatJstDate / formatJstDateHour", () => {
  it("writes the date with the weekday in Japan time, as in the notice", () => {
    expect(formatJstDate("2022-08-21T15:00:00.000Z")).toBe("2022年8月22日（月）");
    expect(formatJstDate("2022-09-17T00:00:00+09:00")).toBe("2022年9月17日（土）");
  });

  it("adds the hour, and minutes only when there are some", () => {
    expect(formatJstDateHour("2022-09-18T09:00:00.000Z")).toBe("2022年9月18日（日）18時");
    expect(formatJstDateHour("2022-09-18T18:30:00+09:00")).toBe("2022年9月18日（日）18時30分");
    expect(formatJstDateHour("2022-09-17T15:00:00Z")).toBe("2022年9月18日（日）0時");
  });
});

describe("formatCalendarDate", () => {
  it("writes a date-only value as is, without shifting it through a time zone", () => {
    expect(formatCalendarDate("1980-01-15")).toBe("1980年1月15日");
    expect(formatCalendarDate("2026-12-31")).toBe("2026年12月31日");
    expect(formatCalendarDate("not a date")).toBe("not a date");
  });
});

describe("formatYen", () => {
  it("groups thousands and writes 円 after the amount", () => {
    expect(formatYen(1_000_000)).toBe("1,000,000円");
    expect(formatYen(0)).toBe("0円");
    expect(formatYen(999)).toBe("999円");
    expect(formatYen(10_000_000_000)).toBe("10,000,000,000円");
  });
});

describe("formatJstDay", () => {
  it("writes the Japan-time date without the weekday", () => {
    expect(formatJstDay("2026-11-24T15:30:00Z")).toBe("2026年11月25日");
    expect(formatJstDay("2026-11-25T09:00:00+09:00")).toBe("2026年11月25日");
    expect(formatJstDay("nonsense")).toBe("nonsense");
  });
});

describe("formatPrice / formatCount", () => {
  it("keeps fractions of a yen in prices, none in counts", () => {
    expect(formatPrice(1234.5)).toBe("1,234.5円");
    expect(formatPrice(3000)).toBe("3,000円");
    expect(formatCount(1000)).toBe("1,000");
    expect(formatCount(12_345_678)).toBe("12,345,678");
  });
});

describe("in English", () => {
  beforeEach(async () => {
    await activateLocale("en");
  });
  afterEach(async () => {
    await activateLocale("ja");
  });

  it("writes moments in Japan time and says so", () => {
    expect(formatJstDateTime("2026-11-25T07:04:05Z")).toBe("Nov 25, 2026, 16:04:05 JST");
    expect(formatJstDateHour("2022-09-18T09:00:00.000Z")).toBe("Sun, Sep 18, 2022, 18:00 JST");
    expect(formatJstDateHour("2022-09-18T18:30:00+09:00")).toBe("Sun, Sep 18, 2022, 18:30 JST");
  });

  it("writes dates with the month's name, the Japan-time day", () => {
    expect(formatJstDate("2022-08-21T15:00:00.000Z")).toBe("Mon, Aug 22, 2022");
    expect(formatJstDay("2026-11-24T15:30:00Z")).toBe("Nov 25, 2026");
    expect(formatCalendarDate("1980-01-15")).toBe("Jan 15, 1980");
    expect(formatCalendarDate("2026-12-31")).toBe("Dec 31, 2026");
    expect(formatJstDay("nonsense")).toBe("nonsense");
  });

  it("writes yen with the ¥ sign, and counts with English grouping", () => {
    expect(formatYen(1_000_000)).toBe("¥1,000,000");
    expect(formatYen(0)).toBe("¥0");
    expect(formatPrice(1234.5)).toBe("¥1,234.5");
    expect(formatPrice(3000)).toBe("¥3,000");
    expect(formatCount(1000)).toBe("1,000");
  });

  it("goes back to Japanese with the page", async () => {
    await activateLocale("ja");
    expect(formatYen(1_000_000)).toBe("1,000,000円");
    expect(formatJstDateTime("2026-11-25T07:04:05Z")).toBe("2026/11/25 16:04:05");
  });
});
