import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path.ts";

const allowed = ["/", "/trade/stock", "/account/profile"];

describe("safeReturnPath", () => {
  it("takes a known screen, with its query", () => {
    expect(safeReturnPath("/trade/stock", allowed)).toBe("/trade/stock");
    expect(safeReturnPath("/trade/stock?code=7203", allowed)).toBe("/trade/stock?code=7203");
    expect(safeReturnPath("/", allowed)).toBe("/");
  });

  it.each([
    null,
    "",
    "trade/stock",
    "//evil.example/trade/stock",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/trade/stock",
    "javascript:alert(1)",
    "/login",
    "/login?returnTo=/trade/stock",
    "/unknown",
    "/trade/stock#x\n",
    "/%2F%2Fevil.example",
  ])("refuses %j", (raw) => {
    expect(safeReturnPath(raw, allowed)).toBeUndefined();
  });
});
