import { readFile } from "node:fs/promises";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { pino } from "pino";
import { inject } from "vitest";
import type { z } from "zod";
import { createApp } from "../app.ts";
import { openPglite } from "../db/client.ts";

export const TEST_SERVICE_TOKEN = "test-only-core-service-token-0123456789";

/** A fresh in-memory PGlite (loaded from the migrated template) and core's app on top of it. */
export async function createTestCore(options: { enableTestApi?: boolean } = {}) {
  const template = await readFile(inject("pgliteTemplate"));
  const database = await openPglite({ loadDataDir: new Blob([template]) });
  const app = createApp({
    db: database.db,
    logger: pino({ level: "silent" }),
    serviceToken: TEST_SERVICE_TOKEN,
    enableTestApi: options.enableTestApi ?? false,
  });
  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${TEST_SERVICE_TOKEN}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    return app.request(path, { ...init, headers, body });
  };
  return { app, db: database.db, call, close: () => database.close() };
}

export const testClient = { ipAddress: "127.0.0.1", userAgent: "vitest" } as const;

/** Reads a response body through its contract schema, so tests also check conformance. */
export async function readAs<T extends z.ZodType>(res: Response, schema: T): Promise<z.infer<T>> {
  return schema.parse(await res.json());
}

export const readError = (res: Response) => readAs(res, errorBodySchema).then((b) => b.error);
