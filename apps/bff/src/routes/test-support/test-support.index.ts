import { testSessionAgeRequestSchema } from "@kakunin/contracts/test-support";
import { Hono } from "hono";
import { ApiError } from "../../lib/api-error.ts";
import { expireWindows } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { readSessionCookie, remainingTtl, requireSession } from "../../middleware/session.ts";

/**
 * TEST ONLY (BFF_TEST_API=true): lets Playwright age the caller's own session past the
 * idle timeout, so expiry is tested end to end without sleeping or shifting a global clock.
 */
export const testSupportRoutes = new Hono<AppEnv>()
  /** Ends the caller's registered-information viewing window, as if 5 minutes had passed. */
  .post("/test/step-up/expire", requireSession, (c) => {
    expireWindows(c);
    return c.body(null, 204);
  })
  .post("/test/session/expire", async (c) => {
    const id = readSessionCookie(c);
    const { sessions, config, now } = c.get("deps");
    const data = id ? await sessions.get(id) : undefined;
    if (!id || !data) throw new ApiError("unauthenticated", 401);
    await sessions.set(id, { ...data, lastSeenAt: now() - config.sessionIdleMs }, 60_000);
    return c.body(null, 204);
  })
  /**
   * Makes the caller's session `seconds` older (its last activity and its start), so the
   * 自動ログアウト warning is reached without waiting. Never counts as activity itself.
   */
  .post("/test/session/age", requireJson, jsonBody(testSessionAgeRequestSchema), async (c) => {
    const { seconds } = c.req.valid("json");
    const id = readSessionCookie(c);
    const { sessions, config } = c.get("deps");
    const data = id ? await sessions.get(id) : undefined;
    if (!id || !data) throw new ApiError("unauthenticated", 401);
    const ms = seconds * 1000;
    const aged = { ...data, lastSeenAt: data.lastSeenAt - ms, createdAt: data.createdAt - ms };
    // At least a minute in the store, so an aged-out session still answers session_expired.
    await sessions.set(id, aged, Math.max(remainingTtl(aged, config), 60_000));
    return c.body(null, 204);
  });
