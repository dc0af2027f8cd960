import { describe, expect, it } from "vitest";
import { formatJstDateTime } from "./format.ts";

describe("formatJstDateTime", () => {
  it("shows Japan time whatever the instant's offset", () => {
    expect(formatJstDateTime("2026-11-25T07:04:05Z")).toBe("2026/11/25 16:04:05");
    expect(formatJstDateTime("2026-11-24T15:00:00.000Z")).toBe("2026/11/25 00:00:00");
    expect(formatJstDateTime("2026-11-25T16:04:05+09:00")).toBe("2026/11/25 16:04:05");
  });
});
