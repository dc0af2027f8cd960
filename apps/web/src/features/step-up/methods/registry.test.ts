import { describe, expect, it } from "vitest";
import { emptyAnswers, lookUpMethods } from "./registry.ts";

describe("lookUpMethods", () => {
  it("returns the modules in screen order, whatever order the server lists them in", () => {
    const lookup = lookUpMethods(["auth_code", "execution_password"]);
    expect(lookup.ok && lookup.methods.map((method) => method.name)).toEqual(["execution_password", "auth_code"]);
  });

  it("reports a method without a module instead of skipping it", () => {
    expect(lookUpMethods(["execution_password", "passkey"])).toEqual({ ok: false, unknown: ["passkey"] });
  });

  it("starts every answer empty", () => {
    expect(emptyAnswers).toEqual({ executionPassword: "", authCode: "" });
  });
});
