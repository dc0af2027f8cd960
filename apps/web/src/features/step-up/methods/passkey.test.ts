import { errorMessages } from "@kakunin/contracts/error-body";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-client.ts";
import { translateRef } from "../../../lib/i18n/use-t.ts";
import { demoPasskeyAssertion } from "../../../testing/fixtures.ts";
import { passkeyUi } from "./passkey.tsx";

describe("passkeyUi", () => {
  it("sends the assertion kept as JSON text as the object the contract expects", () => {
    expect(passkeyUi.toRequest(JSON.stringify(demoPasskeyAssertion))).toEqual(demoPasskeyAssertion);
    expect(passkeyUi.toRequest("")).toBeUndefined();
  });

  it("says 「パスキーで確認してください。」 when there is no assertion, in Japanese on the field itself", () => {
    const missing = passkeyUi.schema.safeParse(undefined);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => [issue.path, translateRef(issue.message)])).toEqual([
      [[], errorMessages.passkey_required],
    ]);
    expect(passkeyUi.schema.safeParse(demoPasskeyAssertion).success).toBe(true);
    expect(translateRef(passkeyUi.schema.safeParse({ id: "x" }).error?.issues[0]?.message ?? "")).toBe(
      errorMessages.passkey_invalid,
    );
  });

  it("asks for new options when the refusal used them up, and only then", () => {
    const reaction = (code: "passkey_invalid" | "passkey_challenge_expired" | "passkey_unknown" | "wrong_auth_code") =>
      // The message as the BFF words it: server-only codes are not in the SPA's catalogue.
      passkeyUi.react?.(new ApiError({ code, status: 422, message: errorMessages[code] }), "verify");
    expect(reaction("passkey_challenge_expired")).toMatchObject({ clear: true, renew: true, focus: "action" });
    expect(reaction("passkey_invalid")).toMatchObject({ clear: true, renew: true });
    expect(reaction("passkey_unknown")).toEqual({
      message: errorMessages.passkey_unknown,
      clear: true,
      focus: "action",
    });
    expect(reaction("wrong_auth_code")).toBeNull();
  });
});
