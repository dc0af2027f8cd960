import { describe, expect, it } from "vitest";
import { loadBffEnv } from "./env.ts";

describe("BFF environment: REDIS_URL", () => {
  it("is optional: unset or empty keeps the in-memory stores", () => {
    expect(loadBffEnv({}).REDIS_URL).toBeUndefined();
    expect(loadBffEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("takes redis:// and rediss:// URLs", () => {
    expect(loadBffEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(loadBffEnv({ REDIS_URL: "rediss://bff:secret@cache.internal:6380/2" }).REDIS_URL).toBe(
      "rediss://bff:secret@cache.internal:6380/2",
    );
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://"]) {
      expect(() => loadBffEnv({ REDIS_URL: bad })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    }
  });
});

describe("BFF environment: login throttle", () => {
  it("defaults to 5 per code, 30 per address, pacing past 300, blocks growing to 4 h", () => {
    expect(loadBffEnv({})).toMatchObject({
      LOGIN_MAX_FAILURES_PER_CODE: 5,
      LOGIN_MAX_FAILURES_PER_CLIENT: 30,
      LOGIN_THROTTLE_WINDOW_SECONDS: 900,
      LOGIN_CODE_MAX_BLOCK_SECONDS: 14_400,
      LOGIN_CLIENT_SLOWDOWN_FAILURES: 300,
      LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS: 1,
      LOGIN_CLIENT_SLOWDOWN_QUEUE: 10,
    });
  });

  it("refuses settings that contradict each other, naming the variable", () => {
    expect(() => loadBffEnv({ LOGIN_CODE_MAX_BLOCK_SECONDS: "600" })).toThrow(
      /LOGIN_CODE_MAX_BLOCK_SECONDS: must be at least LOGIN_THROTTLE_WINDOW_SECONDS/,
    );
    expect(() => loadBffEnv({ LOGIN_CODE_MAX_BLOCK_SECONDS: "90000" })).toThrow(
      /LOGIN_CODE_MAX_BLOCK_SECONDS: must be at most 86400/,
    );
    expect(() => loadBffEnv({ LOGIN_MAX_FAILURES_PER_CLIENT: "1000" })).toThrow(
      /LOGIN_CLIENT_SLOWDOWN_FAILURES: must be at least LOGIN_MAX_FAILURES_PER_CLIENT/,
    );
    // Ten waiting attempts two seconds apart would outlast a 15 s request.
    expect(() => loadBffEnv({ LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS: "2" })).toThrow(
      /LOGIN_CLIENT_SLOWDOWN_QUEUE: times LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS must be below REQUEST_TIMEOUT_MS/,
    );
    expect(
      loadBffEnv({ LOGIN_MAX_FAILURES_PER_CLIENT: "1000", LOGIN_CLIENT_SLOWDOWN_FAILURES: "10000" })
        .LOGIN_CLIENT_SLOWDOWN_FAILURES,
    ).toBe(10_000);
  });
});
