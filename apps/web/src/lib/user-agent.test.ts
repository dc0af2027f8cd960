import { describe, expect, it } from "vitest";
import { parseUserAgent } from "./user-agent.ts";

describe("parseUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
      { browser: "Edge", majorVersion: "131", system: "Windows" },
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0",
      { browser: "Edge", majorVersion: "131", system: "Android" },
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
      { browser: "Samsung Internet", majorVersion: "26", system: "Android" },
    ],
    [
      "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      { browser: "Chrome", majorVersion: "131", system: "ChromeOS" },
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/116.0.0.0",
      { browser: "Opera", majorVersion: "116", system: "Windows" },
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      { browser: "Safari", majorVersion: "18", system: "macOS" },
    ],
  ])("names %s", (userAgent, expected) => {
    expect(parseUserAgent(userAgent)).toEqual(expected);
  });

  it("names the iOS device, else the system", () => {
    const iPad =
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const chromeOnIPhone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
    expect(parseUserAgent(iPad)).toEqual({ browser: "Safari", majorVersion: "17", system: "iPad" });
    expect(parseUserAgent(chromeOnIPhone)).toEqual({ browser: "Chrome", majorVersion: "131", system: "iPhone" });
  });

  it("leaves what it does not recognise null rather than guess a browser from the first token", () => {
    const unknown = { browser: null, majorVersion: null, system: null };
    expect(parseUserAgent("curl/8.5.0")).toEqual(unknown);
    expect(parseUserAgent("kakunin/1.0 CFNetwork/1410.0.3 Darwin/22.6.0")).toEqual(unknown);
    expect(parseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64)")).toEqual({ ...unknown, system: "Windows" });
  });
});
