import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createTestBff, ORIGIN } from "./test/harness.ts";

// A built SPA as `vite build` lays it out: index.html, a fingerprinted bundle, and the .br and
// .gz copies vite-plugin-compression2 writes beside it.
const dist = mkdtempSync(join(tmpdir(), "kakunin-dist-"));
const bundle = `console.log(${JSON.stringify("確認".repeat(600))});`;
const html = `<!doctype html><html lang="ja"><head><title>kakunin</title></head><body>${"<div></div>".repeat(120)}</body></html>`;
mkdirSync(join(dist, "assets"));
writeFileSync(join(dist, "index.html"), html);
writeFileSync(join(dist, "index.html.br"), brotliCompressSync(html));
writeFileSync(join(dist, "index.html.gz"), gzipSync(html));
writeFileSync(join(dist, "assets/index-Ab12Cd34.js"), bundle);
writeFileSync(join(dist, "assets/index-Ab12Cd34.js.br"), brotliCompressSync(bundle));
writeFileSync(join(dist, "assets/index-Ab12Cd34.js.gz"), gzipSync(bundle));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const bff = createTestBff({ config: { webDistDir: dist } });
// Page loads come to the configured origin (the next describe covers any other host).
const get = (path: string, acceptEncoding?: string) =>
  bff.request(`${ORIGIN}${path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("the built SPA's assets (issue 16)", () => {
  it("sends the brotli copy to a browser that accepts it, with Vary and a year's immutable cache", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", "gzip, deflate, br, zstd");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(bundle) / 10);
  });

  it("falls back to gzip, then to the plain file, as Accept-Encoding allows", async () => {
    const gz = await get("/assets/index-Ab12Cd34.js", "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    const plain = await get("/assets/index-Ab12Cd34.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(bundle);
  });

  it("serves the SPA shell compressed for client-side routes, revalidated on every visit", async () => {
    const res = await get("/login", "br");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });
});

describe("a page load from another host than the configured origin (issue 17 B4)", () => {
  it("is sent to the configured origin with its path and query", async () => {
    const res = await bff.request("http://127.0.0.1:8080/withdrawal?from=menu");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/withdrawal?from=menu`);
    const asset = await bff.request("http://127.0.0.1:8080/assets/index-Ab12Cd34.js");
    expect(asset.headers.get("location")).toBe(`${ORIGIN}/assets/index-Ab12Cd34.js`);
  });

  it("keeps a path that looks like another host on the configured origin", async () => {
    const res = await bff.request("http://127.0.0.1:8080//evil.example/login");
    expect(res.headers.get("location")).toBe(`${ORIGIN}//evil.example/login`);
  });

  it("leaves the API alone: a call from the wrong host keeps its JSON answer", async () => {
    const res = await bff.request("http://127.0.0.1:8080/api/session");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });

  it("follows X-Forwarded-Host only behind a trusted proxy", async () => {
    const proxied = createTestBff({ config: { webDistDir: dist, trustProxy: true } });
    const viaProxy = await proxied.request("http://10.0.0.5:8080/login", {
      headers: { "x-forwarded-host": "localhost:8080" },
    });
    expect(viaProxy.status).toBe(200);
    const direct = await bff.request("http://10.0.0.5:8080/login", {
      headers: { "x-forwarded-host": "localhost:8080" },
    });
    expect(direct.status).toBe(307);
  });
});
