import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import { CoreError, createCoreClient } from "./core-client.ts";

// A stand-in core over real HTTP: the pooled transport (undici) is what production uses, and
// the in-process tests inject `fetch` instead, so this file is its only test below e2e.
const seen: { url: string; method: string; auth: string | undefined; body: string }[] = [];
const sockets = new Set<unknown>();
let answer: (req: IncomingMessage) => { status: number; body: string; headers?: Record<string, string> };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ url: req.url ?? "", method: req.method ?? "", auth: req.headers.authorization, body });
    sockets.add(req.socket);
    const a = answer(req);
    if (a.status === 0) return; // never answers: the client's timeout must end it
    res.writeHead(a.status, { "content-type": "application/json", ...a.headers }).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const customerId = "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01";
const notices = { notices: [] };

describe("core client over HTTP (undici Pool)", () => {
  it("calls the contract's path with the service credential, validates the answer, and reuses one connection", async () => {
    const core = createCoreClient({ baseUrl, serviceToken: "svc-token", timeoutMs: 2_000 });
    answer = () => ({ status: 200, body: JSON.stringify(notices) });
    seen.length = 0;
    sockets.clear();
    for (let i = 0; i < 10; i++) {
      expect(await core.call("listNotices", { params: { customerId } })).toEqual(notices);
    }
    expect(seen).toHaveLength(10);
    expect(seen[0]).toMatchObject({
      url: `/v1/customers/${customerId}/notices`,
      method: "GET",
      auth: "Bearer svc-token",
    });
    // Keep-alive: ten sequential calls share connections (undici may open a second while it
    // settles the first answer), rather than one each.
    expect(sockets.size).toBeLessThanOrEqual(2);
    await core.close();
  });

  it("sends the query string and the JSON body", async () => {
    const core = createCoreClient({ baseUrl, serviceToken: "t", timeoutMs: 2_000 });
    answer = () => ({ status: 200, body: JSON.stringify({ previousLogin: null }) });
    seen.length = 0;
    const sessionStartedAt = "2026-12-04T01:02:03.000Z";
    await core.call("getPreviousLogin", { params: { customerId }, query: { sessionStartedAt } });
    expect(seen[0]?.url).toBe(
      `/v1/customers/${customerId}/previous-login?sessionStartedAt=${encodeURIComponent(sessionStartedAt)}`,
    );
    await core.close();
  });

  it("passes core's contract errors on, with Retry-After for busy", async () => {
    const core = createCoreClient({ baseUrl, serviceToken: "t", timeoutMs: 2_000 });
    answer = () => ({
      status: 404,
      body: JSON.stringify({ error: { code: "not_found", message: "見つかりません。" } }),
    });
    const notFound = await core.call("listNotices", { params: { customerId } }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(CoreError);
    expect(notFound).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });

    answer = () => ({
      status: 503,
      headers: { "retry-after": "2" },
      body: JSON.stringify({ error: { code: "busy", message: "混み合っています。" } }),
    });
    const busy = await core.call("listNotices", { params: { customerId } }).catch((e: unknown) => e);
    expect(busy).toMatchObject({ status: 503, retryAfterSeconds: 2 });
    await core.close();
  });

  it("turns an answer outside the contract, a 5xx, a timeout and a closed port into 503 upstream_unavailable", async () => {
    const core = createCoreClient({ baseUrl, serviceToken: "t", timeoutMs: 300 });
    const upstream = async () => {
      const e = await core.call("listNotices", { params: { customerId } }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ApiError);
      expect(e).toMatchObject({ code: "upstream_unavailable", status: 503 });
    };
    answer = () => ({ status: 200, body: JSON.stringify({ notices: "not a list" }) });
    await upstream();
    answer = () => ({ status: 500, body: "<html>oops</html>" });
    await upstream();
    answer = () => ({ status: 0, body: "" });
    await upstream();
    await core.close();

    const closed = createCoreClient({ baseUrl: "http://127.0.0.1:9", serviceToken: "t", timeoutMs: 300 });
    const e = await closed.call("listNotices", { params: { customerId } }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: "upstream_unavailable" });
    await closed.close();
  });
});
