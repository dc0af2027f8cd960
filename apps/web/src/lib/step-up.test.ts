import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client.ts";
import { createIdempotencyKey, isStepUpRequired, useStepUpFlow } from "./step-up.ts";

const stepUp = { operation: "change_profile", methods: ["execution_password" as const], maxAgeSeconds: 300 };

describe("isStepUpRequired", () => {
  it("recognises the BFF's 403 step_up_required with its requirement", () => {
    expect(isStepUpRequired(new ApiError({ code: "step_up_required", status: 403, stepUp }))).toBe(true);
    expect(isStepUpRequired(new ApiError({ code: "step_up_required", status: 403 }))).toBe(false);
    expect(isStepUpRequired(new ApiError({ code: "forbidden", status: 403 }))).toBe(false);
    expect(isStepUpRequired(new Error("step_up_required"))).toBe(false);
  });
});

describe("createIdempotencyKey", () => {
  it("makes 32 URL-safe characters, different every time", () => {
    const keys = new Set(Array.from({ length: 200 }, () => createIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe("useStepUpFlow", () => {
  it("keeps one key per confirmation and a new one when the BFF asks again", () => {
    const { result } = renderHook(() => useStepUpFlow<{ address: string }>());
    expect(result.current.pending).toBeNull();

    act(() => result.current.begin({ address: "東京都" }));
    const first = result.current.pending;
    expect(first?.payload).toEqual({ address: "東京都" });
    expect(first?.requirement).toBeUndefined();

    let restarted = false;
    act(() => {
      restarted = result.current.restartIfRequired(new ApiError({ code: "upstream_unavailable", status: 503 }));
    });
    expect(restarted).toBe(false);
    expect(result.current.pending).toBe(first);

    act(() => {
      restarted = result.current.restartIfRequired(new ApiError({ code: "step_up_required", status: 403, stepUp }));
    });
    expect(restarted).toBe(true);
    const second = result.current.pending;
    expect(second?.payload).toBe(first?.payload);
    expect(second?.requirement).toEqual(stepUp);
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
    expect(second?.id).not.toBe(first?.id);

    act(() => result.current.cancel());
    expect(result.current.pending).toBeNull();
  });
});
