/**
 * For the パスキー設定 stories: the browser's authenticator without a device. Replaces
 * `navigator.credentials.create` so @simplewebauthn/browser's real startRegistration runs
 * against it: `create` answers a made-up credential, `cancel` rejects as a browser does when
 * the customer closes its prompt (NotAllowedError). Returns the cleanup a story's
 * `beforeEach` hands back, so the next story gets the browser's own again.
 */
export function installFakeAuthenticator(behaviour: "create" | "cancel"): () => void {
  const container = navigator.credentials;
  const bytes = (text: string) => new TextEncoder().encode(text).buffer;
  const create = async (): Promise<unknown> => {
    if (behaviour === "cancel") {
      throw new DOMException("The operation either timed out or was not allowed.", "NotAllowedError");
    }
    return {
      id: "Y3JlZGVudGlhbC1pZC0wMDE",
      rawId: bytes("credential-id-001"),
      type: "public-key",
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: bytes('{"type":"webauthn.create"}'),
        attestationObject: bytes("attestation-object"),
        getTransports: () => ["internal", "hybrid"],
      },
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
    };
  };
  Object.defineProperty(container, "create", { value: create, configurable: true, writable: true });
  return () => {
    // The own property shadowed the prototype's method; removing it restores the browser's.
    Reflect.deleteProperty(container, "create");
  };
}
