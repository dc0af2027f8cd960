import { zValidator } from "@hono/zod-validator";
import type { ActiveSessionList, EndSessionsResponse } from "@kakunin/contracts/sessions";
import { sessionHandlePathSchema } from "@kakunin/contracts/sessions";
import type { Context } from "hono";
import { createFactory } from "hono/factory";
import { ApiError } from "../../lib/api-error.ts";
import { clientContext } from "../../lib/client-context.ts";
import { customerCall } from "../../lib/core-context.ts";
import { storeKey } from "../../lib/session-store.ts";
import { sameHandle, sessionHandle, toActiveSession } from "../../lib/session-view.ts";
import type { AppEnv } from "../../lib/types.ts";

const factory = createFactory<AppEnv>();

function currentSession(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  return { key: storeKey(session.id), id: session.id, data: session.data };
}

/** The customer's sessions still within the idle and absolute limits (the store's TTL may lag a touch). */
async function liveSessions(c: Context<AppEnv>, customerId: string) {
  const { sessions, config, now } = c.get("deps");
  const t = now();
  return (await sessions.listByCustomer(customerId)).filter(
    ({ data }) => t - data.lastSeenAt < config.sessionIdleMs && t - data.createdAt < config.sessionAbsoluteMs,
  );
}

/** Reports the logout to core's audit trail (R29); a failure there answers an error, the sessions stay ended. */
async function audit(c: Context<AppEnv>, action: "logout_one" | "logout_others", ended: number) {
  await c.get("deps").core.call("recordSessionEvent", {
    ...customerCall(c),
    body: { action, ended, client: clientContext(c) },
  });
  c.get("logger").info({ action, ended }, "sessions ended by customer");
}

/** GET /api/me/sessions: ログイン中の端末 (R32), this one first, then the most recently active. */
export const listSessions = factory.createHandlers(async (c) => {
  const current = currentSession(c);
  const others = (await liveSessions(c, current.data.customerId)).filter((s) => s.key !== current.key);
  others.sort((a, b) => b.data.lastSeenAt - a.data.lastSeenAt);
  // This request's own view of its session: the store's copy may predate this request's touch.
  const body: ActiveSessionList = {
    sessions: [
      toActiveSession({ key: current.key, data: current.data }, true),
      ...others.map((s) => toActiveSession(s, false)),
    ],
  };
  return c.json(body);
});

/** A malformed handle names no session. */
const handleParam = zValidator("param", sessionHandlePathSchema, (result) => {
  if (!result.success) throw new ApiError("session_not_found", 404);
});

/** POST /api/me/sessions/:handle/logout: ends one other session of the customer. */
export const logoutSession = factory.createHandlers(handleParam, async (c) => {
  const { handle } = c.req.valid("param");
  const current = currentSession(c);
  if (sameHandle(sessionHandle(current.key), handle)) throw new ApiError("session_is_current", 422);
  // Only the customer's own sessions are searched, so a handle of someone else's names nothing.
  const target = (await liveSessions(c, current.data.customerId)).find((s) => sameHandle(sessionHandle(s.key), handle));
  const ended = target ? await c.get("deps").sessions.deleteByKey(target.key) : false;
  await audit(c, "logout_one", ended ? 1 : 0);
  if (!ended) throw new ApiError("session_not_found", 404);
  const body: EndSessionsResponse = { ended: 1 };
  return c.json(body);
});

/** POST /api/me/sessions/logout-others: 他の端末をすべてログアウト; this session stays. */
export const logoutOtherSessions = factory.createHandlers(async (c) => {
  const current = currentSession(c);
  const ended = await c.get("deps").sessions.deleteOthers(current.data.customerId, current.id);
  await audit(c, "logout_others", ended);
  const body: EndSessionsResponse = { ended };
  return c.json(body);
});
