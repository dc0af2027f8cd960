import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client.ts";
import { shouldRetry } from "./query-client.ts";

describe("shouldRetry", () => {
  it("never retries a 4xx", () => {
    expect(shouldRetry(0, new ApiError({ code: "unauthenticated", status: 401 }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ code: "rate_limited", status: 429, retryable: true }))).toBe(false);
  });

  it("retries a retryable outage a bounded number of times", () => {
    const outage = new ApiError({ code: "upstream_unavailable", status: 503 });
    expect(shouldRetry(0, outage)).toBe(true);
    expect(shouldRetry(1, outage)).toBe(true);
    expect(shouldRetry(2, outage)).toBe(false);
  });

  it("does not retry errors that are not API errors", () => {
    expect(shouldRetry(0, new Error("bug"))).toBe(false);
  });
});
