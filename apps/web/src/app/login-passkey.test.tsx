import { browserSupportsWebAuthnAutofill, startAuthentication } from "@simplewebauthn/browser";
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { demoNotices, demoPasskeyAssertion, demoPasskeyRequestOptions } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, json, mockApi } from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

vi.mock("@simplewebauthn/browser", () => ({
  browserSupportsWebAuthn: vi.fn(() => true),
  browserSupportsWebAuthnAutofill: vi.fn(async () => false),
  startAuthentication: vi.fn(),
  WebAuthnAbortService: { cancelCeremony: vi.fn() },
}));

describe("/login with a passkey", () => {
  it("「パスキーでログイン」 lands on 会員トップ with the customer's name, as the password login does", async () => {
    vi.mocked(browserSupportsWebAuthnAutofill).mockResolvedValue(false);
    vi.mocked(startAuthentication).mockResolvedValue(demoPasskeyAssertion);
    mockApi({
      "GET /api/session": json({ authenticated: false }),
      "POST /api/session/passkey-options": json(demoPasskeyRequestOptions),
      "POST /api/session/passkey": json(authenticatedSession),
      "GET /api/me/credentials": json(
        credentialStatus({ executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" } }),
      ),
      "GET /api/me/notices": json(demoNotices),
    });
    const { user, router } = renderApp("/login");
    await user.click(await screen.findByRole("button", { name: "パスキーでログイン" }));

    expect(await screen.findByRole("heading", { level: 1, name: "会員トップ" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/");
    expect(screen.getByRole("banner").textContent).toContain("山田 太郎 様");
  });
});
