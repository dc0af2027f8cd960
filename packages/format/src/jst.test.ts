import { describe, expect, it } from "vitest";
import { formatJstDateTime, formatJstTime } from "./jst.ts";

const moment = new Date("2026-11-25T07:04:05Z");

describe("formatJstDateTime", () => {
  it("writes Japan time in Japanese by default, whatever the instant's offset", () => {
    expect(formatJstDateTime(moment)).toBe("2026/11/25 16:04:05");
    expect(formatJstDateTime(new Date("2026-11-24T15:00:00.000Z"))).toBe("2026/11/25 00:00:00");
    expect(formatJstDateTime(moment, "ja")).toBe("2026/11/25 16:04:05");
  });

  it("writes English with the month's name and states the time zone", () => {
    expect(formatJstDateTime(moment, "en")).toBe("Nov 25, 2026, 16:04:05 JST");
    expect(formatJstDateTime(new Date("2026-11-24T15:00:00.000Z"), "en")).toBe("Nov 25, 2026, 00:00:00 JST");
  });
});

describe("formatJstTime", () => {
  it("writes the time of day in Japan time", () => {
    expect(formatJstTime(moment)).toBe("16:04:05");
    expect(formatJstTime(new Date("2026-11-24T15:00:09.000Z"))).toBe("00:00:09");
    expect(formatJstTime(moment, "en")).toBe("16:04:05 JST");
  });
});
