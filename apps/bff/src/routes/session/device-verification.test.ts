import { sessionSchema } from "@kakunin/contracts/auth";
import { describe, expect, it } from "vitest";
import { deviceHashOf } from "../../lib/device.ts";
import { FAKE_DEVICE_CODE } from "../../test/fake-new-devices.ts";
import { cookiesOf, createTestBff, readAs, readError, sessionCookieOf } from "../../test/harness.ts";

const cookieNamed = (res: Response, name: string) => cookiesOf(res).find((c) => c.startsWith(`${name}=`));

describe("new-device detection in the BFF (issue 15)", () => {
  it("gives a browser without one a random __Host- device cookie (Secure, HttpOnly, Lax, ~400 days) and sends core its hash only", async () => {
    const bff = createTestBff();
    const { res } = await bff.login();
    expect(res.status).toBe(200);
    const header = res.headers.getSetCookie().find((h) => h.startsWith("__Host-kakunin-device="));
    expect(header).toMatch(
      /^__Host-kakunin-device=[\w-]{43}; Max-Age=34560000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const id = header?.split(";")[0]?.split("=")[1] ?? "";
    const sent = bff.core.received.find((r) => r.url.endsWith("/v1/login-verifications"));
    const body = (await sent?.json()) as { deviceHash: string };
    expect(body.deviceHash).toBe(deviceHashOf(id));
    expect(JSON.stringify(body)).not.toContain(id);
  });

  it("keeps the browser's device cookie: the same hash at every login, no new cookie", async () => {
    const bff = createTestBff();
    const id = "A".repeat(43);
    const res = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      cookies: [`__Host-kakunin-device=${id}`],
    });
    expect(res.status).toBe(200);
    expect(cookieNamed(res, "__Host-kakunin-device")).toBeUndefined();
    expect(bff.core.newDevices.known.has(`1000001:${deviceHashOf(id)}`)).toBe(true);
  });

  it("a new device: 403 with the masked address and a sealed pending cookie; the right code starts the session", async () => {
    const bff = createTestBff();
    bff.core.newDevices.codeRequired.add("1000001");
    const device = `__Host-kakunin-device=${"B".repeat(43)}`;
    const first = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      cookies: [device],
    });
    expect(first.status).toBe(403);
    expect(await readError(first)).toMatchObject({
      code: "device_verification_required",
      codeSentTo: "y***@example.test",
    });
    expect(sessionCookieOf(first)).toBeUndefined();
    const pendingHeader = first.headers.getSetCookie().find((h) => h.startsWith("__Host-kakunin-device-login="));
    expect(pendingHeader).toMatch(/; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const pending = cookieNamed(first, "__Host-kakunin-device-login") ?? "";
    expect(pending).not.toContain("1000001"); // sealed: the browser cannot read or change it

    const verify = (code: string, cookies: string[]) =>
      bff.request("/api/session/device-verification", { method: "POST", json: { code }, cookies });
    const wrong = await verify("000000", [device, pending]);
    expect(wrong.status).toBe(422);
    expect(await readError(wrong)).toMatchObject({ code: "wrong_auth_code", remainingCodeAttempts: 4 });

    const ok = await verify(FAKE_DEVICE_CODE, [device, pending]);
    expect(ok.status).toBe(200);
    expect(await readAs(ok, sessionSchema)).toMatchObject({
      authenticated: true,
      customer: { customerCode: "1000001" },
    });
    expect(sessionCookieOf(ok)).toBeDefined();
    expect(ok.headers.getSetCookie().join("\n")).toMatch(/__Host-kakunin-device-login=; Max-Age=0/);
  });

  it("refuses the code without the pending login, or from another device (device_verification_expired)", async () => {
    const bff = createTestBff();
    bff.core.newDevices.codeRequired.add("1000001");
    const device = `__Host-kakunin-device=${"C".repeat(43)}`;
    const first = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      cookies: [device],
    });
    const pending = cookieNamed(first, "__Host-kakunin-device-login") ?? "";
    const none = await bff.request("/api/session/device-verification", {
      method: "POST",
      json: { code: FAKE_DEVICE_CODE },
      cookies: [device],
    });
    expect(none.status).toBe(410);
    expect((await readError(none)).code).toBe("device_verification_expired");
    const stolen = await bff.request("/api/session/device-verification", {
      method: "POST",
      json: { code: FAKE_DEVICE_CODE },
      cookies: [`__Host-kakunin-device=${"D".repeat(43)}`, pending],
    });
    expect(stolen.status).toBe(410);
    expect(bff.core.newDevices.verifications).toHaveLength(0);
  });

  it("validates the code with a field error and never calls core", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/session/device-verification", { method: "POST", json: { code: "12a" } });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.map((f) => f.path)).toEqual(["code"]);
    expect(bff.core.newDevices.verifications).toHaveLength(0);
  });
});
