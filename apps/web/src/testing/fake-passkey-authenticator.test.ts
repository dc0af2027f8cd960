import { registrationResponseSchema } from "@kakunin/contracts/passkeys";
import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from "@simplewebauthn/browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeAuthenticator } from "./fake-passkey-authenticator.ts";
import { demoRegistrationOptions } from "./passkey-fixtures.ts";

// The stories' fake must satisfy the real library and the contract, or 登録完了 shows a failure.
/** What `browserSupportsWebAuthn` looks for: a PublicKeyCredential constructor. */
class PublicKeyCredentialStub {}

const optionsJSON = demoRegistrationOptions as unknown as PublicKeyCredentialCreationOptionsJSON;

describe("installFakeAuthenticator (stories only)", () => {
  let cleanup: (() => void) | undefined;
  beforeEach(() => {
    // happy-dom has no WebAuthn: what Chromium offers, minus the device.
    vi.stubGlobal("PublicKeyCredential", PublicKeyCredentialStub);
    Object.defineProperty(navigator, "credentials", { value: {}, configurable: true });
  });
  afterEach(() => {
    cleanup?.();
    Reflect.deleteProperty(navigator, "credentials");
  });

  it("create: startRegistration answers a response the BFF's schema accepts", async () => {
    cleanup = installFakeAuthenticator("create");
    const response = await startRegistration({ optionsJSON });
    expect(registrationResponseSchema.parse(JSON.parse(JSON.stringify(response)))).toMatchObject({
      type: "public-key",
      authenticatorAttachment: "platform",
    });
  });

  it("cancel: startRegistration fails with NotAllowedError, as a closed browser prompt does", async () => {
    cleanup = installFakeAuthenticator("cancel");
    await expect(startRegistration({ optionsJSON })).rejects.toMatchObject({ name: "NotAllowedError" });
  });
});
