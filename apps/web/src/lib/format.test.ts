import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatJstDate,
  formatJstDateHour,
  formatJstDateTime,
  formatJstDay,
  formatYen,
} from "./format.ts";

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
