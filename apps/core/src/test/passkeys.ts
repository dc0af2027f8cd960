import { stepUpPasskeyChallenge, userHandleOf } from "../domain/passkeys/common.ts";
import { registerPasskey } from "../domain/passkeys/registration.ts";
import { type CeremonyOptions, newChallenge, SoftAuthenticator } from "./soft-authenticator.ts";
import { type createTestCore, TEST_WEBAUTHN, testClient } from "./test-app.ts";

type Core = Pick<Awaited<ReturnType<typeof createTestCore>>, "db" | "services">;

/** A ceremony on the test relying party's own origin and RP ID. */
export const ceremonyFor = (challenge: string, over: Partial<CeremonyOptions> = {}): CeremonyOptions => ({
  challenge,
  origin: TEST_WEBAUTHN.origins[0] ?? "",
  rpId: TEST_WEBAUTHN.rpId,
  ...over,
});

/**
 * Gives the customer a passkey through core's registration (the routes' own checks have
 * their tests in passkeys.test.ts): answers the authenticator holding it and its view.
 */
export async function givePasskey(core: Core, customerId: string, authenticator = new SoftAuthenticator()) {
  const challenge = newChallenge();
  const response = authenticator.register({ ...ceremonyFor(challenge), userHandle: userHandleOf(customerId) });
  const view = await registerPasskey(core.db, core.services, {
    customerId,
    client: testClient,
    response,
    expectedChallenge: challenge,
    name: "iPhone",
  });
  return { authenticator, view };
}

/** The browser's assertion for a step-up: over the challenge derived from the BFF's nonce and the digest. */
export const stepUpAssertion = (authenticator: SoftAuthenticator, nonce: string, digest: string) =>
  authenticator.assert(ceremonyFor(stepUpPasskeyChallenge(nonce, digest)));
