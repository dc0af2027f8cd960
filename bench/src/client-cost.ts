import { spawn } from "node:child_process";
import { createCoreClient } from "@kakunin/bff/src/lib/core-client.ts";
import { waitFor } from "./services.ts";

/**
 * The CPU the BFF's core client spends per call, by transport: WHATWG `fetch` (what the BFF
 * used before issue 16) against undici's Pool (what it uses now). A stand-in core in a child
 * process answers a fixed notices list, so this process's CPU is the client's alone; the two
 * transports alternate, 10 calls in flight, and the median and spread of `runs` rounds print.
 */
export async function clientCost(options: { port: number; calls: number; runs: number }) {
  const body = JSON.stringify({
    notices: [0, 1, 2].map((i) => ({
      id: String(i),
      kind: "info",
      title: "執行パスワード導入のご案内",
      body: "お知らせ本文".repeat(50),
      publishedAt: "2026-01-01T00:00:00.000Z",
    })),
  });
  const script = `require("node:http").createServer((q, s) => s.writeHead(200, { "content-type": "application/json" }).end(${JSON.stringify(body)})).listen(${options.port}, "127.0.0.1")`;
  const server = spawn(process.execPath, ["-e", script], { stdio: "inherit" });
  try {
    const baseUrl = `http://127.0.0.1:${options.port}`;
    await waitFor(baseUrl, { child: server });
    const clients = {
      fetch: createCoreClient({ baseUrl, serviceToken: "bench", timeoutMs: 5_000, fetch }),
      "undici Pool": createCoreClient({ baseUrl, serviceToken: "bench", timeoutMs: 5_000 }),
    };
    const customerId = "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01";
    const round = async (client: (typeof clients)["fetch"], calls: number) => {
      const before = process.cpuUsage();
      let started = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (started++ < calls) await client.call("listNotices", { params: { customerId } });
        }),
      );
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000 / calls;
    };
    // Warm-up (JIT, connections) for both before anything counts.
    for (const client of Object.values(clients)) await round(client, options.calls / 2);
    const results: Record<string, number[]> = { fetch: [], "undici Pool": [] };
    for (let i = 0; i < options.runs; i++) {
      for (const [name, client] of Object.entries(clients)) results[name]?.push(await round(client, options.calls));
    }
    await Promise.all(Object.values(clients).map((c) => c.close()));
    return results;
  } finally {
    server.kill();
  }
}
