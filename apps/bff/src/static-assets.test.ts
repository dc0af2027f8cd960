import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createTestBff } from "./test/harness.ts";

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
const get = (path: string, acceptEncoding?: string) =>
  bff.request(path, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

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
