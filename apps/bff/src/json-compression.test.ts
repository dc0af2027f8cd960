import { gunzipSync } from "node:zlib";
import { activeSessionListSchema } from "@kakunin/contracts/sessions";
import { describe, expect, it } from "vitest";
import { createTestBff, sessionCookieOf } from "./test/harness.ts";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("JSON answers (issue 16)", () => {
  it("are gzip-compressed over 1 KiB, with Vary, and left plain with their length below it", async () => {
    const bff = createTestBff();
    let cookie = "";
    // Twelve browsers of one customer make ログイン中の端末 a list of a few kB.
    for (let i = 0; i < 12; i++) {
      const res = await bff.request("/api/session", {
        method: "POST",
        json: { customerCode: "1000001", password: "Kiso8pine3" },
        headers: { "user-agent": CHROME },
      });
      cookie = sessionCookieOf(res) ?? "";
      bff.clock.now += 1000;
    }
    expect(cookie).not.toBe("");

    const plain = await bff.request("/api/me/sessions", { cookie });
    const plainText = await plain.text();
    expect(Buffer.byteLength(plainText)).toBeGreaterThan(1024);
    expect(plain.headers.get("content-encoding")).toBeNull();

    const big = await bff.request("/api/me/sessions", { cookie, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(big.status).toBe(200);
    expect(big.headers.get("content-encoding")).toBe("gzip");
    expect(big.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(big.headers.get("cache-control")).toBe("no-store");
    const compressed = Buffer.from(await big.arrayBuffer());
    expect(compressed.length).toBeLessThan(Buffer.byteLength(plainText) / 2);
    const list = activeSessionListSchema.parse(JSON.parse(gunzipSync(compressed).toString("utf8")));
    expect(list.sessions).toHaveLength(12);

    const small = await bff.request("/api/session", { cookie, headers: { "accept-encoding": "gzip" } });
    expect(small.status).toBe(200);
    expect(small.headers.get("content-encoding")).toBeNull();
    const smallText = await small.text();
    expect(Buffer.byteLength(smallText)).toBeLessThan(1024);
    expect(small.headers.get("content-length")).toBe(String(Buffer.byteLength(smallText)));
  });
});
