import { describe, expect, it } from "vitest";
import { emptyAnswers, lookUpMethods } from "./registry.ts";

describe("lookUpMethods", () => {
  it("returns the modules in screen order, whatever order the server lists them in", () => {
    const lookup = lookUpMethods(["auth_code", "passkey", "execution_password"]);
    expect(lookup.ok && lookup.methods.map((method) => method.name)).toEqual([
      "execution_password",
      "passkey",
      "auth_code",
    ]);
  });

  it("reports a method without a module instead of skipping it", () => {
    expect(lookUpMethods(["execution_password", "security_question"])).toEqual({
      ok: false,
      unknown: ["security_question"],
    });
  });

  it("starts every answer empty", () => {
    expect(emptyAnswers).toEqual({ executionPassword: "", passkey: "", authCode: "" });
  });
});
