import { describe, expect, it } from "vitest";
import { newSessionId, storeKey } from "./session-store.ts";
import { describeDevice, sameHandle, sessionHandle, toActiveSession } from "./session-view.ts";

describe("describeDevice (bowser)", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
      "Microsoft Edge 131",
      "Windows 10",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36",
      "Chrome 130",
      "Android 14",
    ],
    [
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
      "Chrome 131",
      "iOS 17.5",
    ],
  ])("%s → %s on %s", (userAgent, browser, os) => {
    expect(describeDevice(userAgent)).toEqual({ browser, os });
  });

  it("says nothing for a missing or meaningless User-Agent rather than echoing it", () => {
    expect(describeDevice(null)).toEqual({ browser: null, os: null });
    expect(describeDevice(undefined)).toEqual({ browser: null, os: null });
    const junk = describeDevice("curl-ish/1 <script>");
    expect(JSON.stringify(junk)).not.toContain("<script>");
  });
});

describe("sessionHandle", () => {
  it("is stable per session, neither the id nor its store key, and differs between sessions", () => {
    const id = newSessionId();
    const handle = sessionHandle(storeKey(id));
    expect(handle).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(handle).toBe(sessionHandle(storeKey(id)));
    expect(handle).not.toBe(id);
    expect(handle).not.toBe(storeKey(id));
    expect(handle).not.toBe(sessionHandle(storeKey(newSessionId())));
    expect(sameHandle(handle, sessionHandle(storeKey(id)))).toBe(true);
    expect(sameHandle(handle, `${handle.slice(0, -1)}x`)).toBe(handle.endsWith("x"));
    expect(sameHandle(handle, "short")).toBe(false);
  });

  it("a session recorded before user agents were kept lists as unknown", () => {
    const view = toActiveSession(
      {
        key: storeKey(newSessionId()),
        data: { customerId: "c", customerCode: "1", name: "n", createdAt: 0, lastSeenAt: 0 },
      },
      false,
    );
    expect(view).toMatchObject({ browser: null, os: null, ipAddress: null, createdAt: "1970-01-01T00:00:00.000Z" });
  });
});
