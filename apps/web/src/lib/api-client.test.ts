import { sessionSchema } from "@kakunin/contracts/auth";
import { errorMessages } from "@kakunin/contracts/error-body";
import { describe, expect, it } from "vitest";
import { authenticatedSession, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { ApiError, apiRequest } from "./api-client.ts";
import { BACKGROUND_AFTER_MS, isUserIdle, noteUserInput, trackUserInput } from "./user-input.ts";

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("apiRequest", () => {
  it("sends X-CSRF, JSON and same-origin credentials on a POST", async () => {
    const { requests } = mockApi({ "POST /api/session": json(authenticatedSession) });
    const session = await apiRequest("/api/session", sessionSchema, {
      method: "POST",
      body: { customerCode: "1000001", password: "secret1" },
    });
    expect(session.authenticated).toBe(true);
    const [request] = requests;
    expect(request?.headers.get("X-CSRF")).toBe("1");
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.credentials).toBe("same-origin");
    expect(request?.body).toEqual({ customerCode: "1000001", password: "secret1" });
  });

  it("sends X-CSRF on DELETE and resolves a 204 to undefined", async () => {
    const { requests } = mockApi({ "DELETE /api/session": new Response(null, { status: 204 }) });
    await expect(apiRequest("/api/session", null, { method: "DELETE" })).resolves.toBeUndefined();
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("does not send X-CSRF on a GET", async () => {
    const { requests } = mockApi({ "GET /api/session": json({ authenticated: false }) });
    await apiRequest("/api/session", sessionSchema);
    expect(requests[0]?.headers.has("X-CSRF")).toBe(false);
    expect(requests[0]?.credentials).toBe("same-origin");
  });

  it("turns a network failure into a retryable upstream_unavailable", async () => {
    mockApi({ "GET /api/session": new TypeError("Failed to fetch") });
    const error = await rejection(apiRequest("/api/session", sessionSchema));
    expect(error.code).toBe("upstream_unavailable");
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(errorMessages.upstream_unavailable);
  });

  it("parses the error body: code, server message, fields, status", async () => {
    mockApi({
      "POST /api/session": errorJson("validation_failed", "入力内容に誤りがあります。", 400, {
        fields: [{ path: "customerCode", message: "お客様コードは7桁の半角数字で入力してください。" }],
        requestId: "req-1",
      }),
    });
    const error = await rejection(apiRequest("/api/session", sessionSchema, { method: "POST", body: {} }));
    expect(error.code).toBe("validation_failed");
    expect(error.status).toBe(400);
    expect(error.message).toBe("入力内容に誤りがあります。");
    expect(error.fields).toEqual([
      { path: "customerCode", message: "お客様コードは7桁の半角数字で入力してください。" },
    ]);
    expect(error.requestId).toBe("req-1");
    expect(error.retryable).toBe(false);
  });

  it("carries what a step-up asks for and the code tries left", async () => {
    mockApi({
      "GET /api/me/profile": errorJson("step_up_required", errorMessages.step_up_required, 403, {
        stepUp: { operation: "view_registered_info", methods: ["execution_password", "auth_code"], maxAgeSeconds: 300 },
      }),
      "POST /api/step-up/verifications": errorJson("wrong_auth_code", errorMessages.wrong_auth_code, 422, {
        remainingCodeAttempts: 3,
      }),
    });
    const required = await rejection(apiRequest("/api/me/profile", sessionSchema));
    expect(required.status).toBe(403);
    expect(required.stepUp).toEqual({
      operation: "view_registered_info",
      methods: ["execution_password", "auth_code"],
      maxAgeSeconds: 300,
    });
    const wrongCode = await rejection(apiRequest("/api/step-up/verifications", null, { method: "POST", body: {} }));
    expect(wrongCode.remainingCodeAttempts).toBe(3);
    expect(wrongCode.stepUp).toBeUndefined();
  });

  it("sends extra headers such as Idempotency-Key", async () => {
    const { requests } = mockApi({ "PUT /api/me/emails": new Response(null, { status: 204 }) });
    await apiRequest("/api/me/emails", null, {
      method: "PUT",
      body: { position: 1, address: "a@example.jp" },
      headers: { "Idempotency-Key": "k".repeat(32) },
    });
    expect(requests[0]?.headers.get("Idempotency-Key")).toBe("k".repeat(32));
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("falls back on the status when the error body is not ours (e.g. a proxy page)", async () => {
    mockApi({ "GET /api/me/notices": new Response("<html>Bad Gateway</html>", { status: 502 }) });
    const error = await rejection(apiRequest("/api/me/notices", sessionSchema));
    expect(error.code).toBe("upstream_unavailable");
    expect(error.status).toBe(502);
  });

  it("rejects a success body that breaks the contract", async () => {
    mockApi({ "GET /api/session": json({ authenticated: "yes" }) });
    const error = await rejection(apiRequest("/api/session", sessionSchema));
    expect(error.code).toBe("internal_error");
  });
});

describe("apiRequest and the customer's absence (issue 15)", () => {
  it("marks a GET as background after 10 s without input, and never a POST", async () => {
    const { requests } = mockApi({
      "GET /api/session": json({ authenticated: false }),
      "POST /api/session/extension": json(authenticatedSession),
    });
    noteUserInput(Date.now());
    await apiRequest("/api/session", sessionSchema);
    noteUserInput(Date.now() - BACKGROUND_AFTER_MS);
    await apiRequest("/api/session", sessionSchema);
    await apiRequest("/api/session/extension", sessionSchema, { method: "POST" });
    expect(requests.map((r) => r.headers.get("X-Kakunin-Background"))).toEqual([null, "1", null]);
  });

  it("counts a key press or a click on the tracked target as input", () => {
    const target = new EventTarget() as unknown as Window;
    const stop = trackUserInput(target);
    noteUserInput(Date.now() - BACKGROUND_AFTER_MS);
    expect(isUserIdle()).toBe(true);
    target.dispatchEvent(new Event("keydown"));
    expect(isUserIdle()).toBe(false);
    stop();
    noteUserInput(Date.now() - BACKGROUND_AFTER_MS);
    target.dispatchEvent(new Event("pointerdown"));
    expect(isUserIdle()).toBe(true);
  });
});
