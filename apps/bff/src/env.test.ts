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
