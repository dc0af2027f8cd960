import { randomBytes } from "node:crypto";
import { zValidator } from "@hono/zod-validator";
import {
  passkeyLoginRequestSchema,
  registerPasskeyRequestSchema,
  renamePasskeyRequestSchema,
} from "@kakunin/contracts/passkeys";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createFactory } from "hono/factory";
import { z } from "zod";
import { ApiError } from "../../lib/api-error.ts";
import { clientContext } from "../../lib/client-context.ts";
import { CoreError } from "../../lib/core-client.ts";
import { customerCall, requestOf } from "../../lib/core-context.ts";
import { ensureDeviceHash } from "../../lib/device.ts";
import { enforcePasskeyLoginThrottle, recordPasskeyLoginFailure } from "../../lib/login-failures.ts";
import { newPasskeyChallenge, PASSKEY_CHALLENGE_TTL_MS } from "../../lib/passkeys/challenge-store.ts";
import { storeKey } from "../../lib/session-store.ts";
import { guardedRoute, pathMatchesBody } from "../../lib/step-up/guarded-route.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { type CoreLogin, startSession } from "../session/start-session.ts";

const factory = createFactory<AppEnv>();

/** Sent as `__Host-kakunin-passkey-login`: names the browser's passkey login in progress. */
const LOGIN_COOKIE = "kakunin-passkey-login";
const loginCookieOptions = { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" } as const;

/**
 * Where a ceremony's challenge is kept. The ids are bearer secrets (the session's, the
 * login flow's), so only their hashes reach the store, as with sessions.
 */
const registrationKey = (sessionId: string) => `registration:${storeKey(sessionId)}`;
const loginKey = (flowId: string) => `login:${storeKey(flowId)}`;

const emptyBody = z.strictObject({});
const expired = () => new ApiError("passkey_challenge_expired", 409);

function sessionIdOf(c: Context<AppEnv>): string {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  return session.id;
}

/** A passkey id in the path; anything else names no passkey. */
const passkeyParam = zValidator("param", z.object({ passkeyId: z.uuid() }), (result) => {
  if (!result.success) throw new ApiError("not_found", 404);
});

/** The passkey in the path and the one confirmed must agree, checked before the confirmation is used up. */
const samePasskeyId = pathMatchesBody("passkeyId", "server.validation.passkeyMismatch");

/** GET /api/me/passkeys: パスキー設定's list. */
export const listPasskeys = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("listPasskeys", customerCall(c))),
);

/**
 * POST /api/me/passkey-registration-options: a new challenge for this session (replacing an
 * earlier one) and core's creation options built on it, for navigator.credentials.create().
 */
export const registrationOptions = factory.createHandlers(requireJson, jsonBody(emptyBody), async (c) => {
  const { challenges, core } = c.get("deps");
  const challenge = newPasskeyChallenge();
  await challenges.put(registrationKey(sessionIdOf(c)), challenge, PASSKEY_CHALLENGE_TTL_MS);
  return c.json(await core.call("passkeyRegistrationOptions", { ...customerCall(c), body: { challenge } }));
});

/**
 * POST /api/me/passkeys: パスキーの登録, confirmed (執行パスワード and 認証コード) for its name;
 * the body also carries the authenticator's response over this session's challenge, which
 * is used up here whatever core answers.
 */
export const registerPasskey = guardedRoute(
  "register_passkey",
  async (c) => {
    const { name, response } = c.req.valid("json");
    const { challenges, core } = c.get("deps");
    const expectedChallenge = await challenges.take(registrationKey(sessionIdOf(c)));
    if (!expectedChallenge) throw expired();
    const passkey = await core.call("registerPasskey", {
      ...customerCall(c),
      body: { response, expectedChallenge, name, client: clientContext(c) },
    });
    return c.json(passkey, 201);
  },
  { body: registerPasskeyRequestSchema },
);

/** PATCH /api/me/passkeys/:passkeyId: 名前の変更 (no confirmation: a name grants nothing). */
export const renamePasskey = factory.createHandlers(
  passkeyParam,
  requireJson,
  jsonBody(renamePasskeyRequestSchema),
  async (c) => {
    const call = customerCall(c);
    return c.json(
      await c.get("deps").core.call("renamePasskey", {
        ...call,
        params: { ...call.params, passkeyId: c.req.valid("param").passkeyId },
        body: { name: c.req.valid("json").name, client: clientContext(c) },
      }),
    );
  },
);

/** POST /api/me/passkeys/:passkeyId/deletion: パスキーの削除, confirmed; answers the remaining list. */
export const deletePasskey = guardedRoute(
  "delete_passkey",
  async (c) => {
    const call = customerCall(c);
    return c.json(
      await c.get("deps").core.call("deletePasskey", {
        ...call,
        params: { ...call.params, passkeyId: c.req.valid("json").passkeyId },
        body: { client: clientContext(c) },
      }),
    );
  },
  { before: [samePasskeyId] },
);

/**
 * POST /api/session/passkey-options: starts a passkey login (no session yet). The challenge
 * is kept under a random flow id that only this browser holds, in a short-lived cookie.
 */
export const loginOptions = factory.createHandlers(requireJson, jsonBody(emptyBody), async (c) => {
  const { challenges, core } = c.get("deps");
  const flowId = randomBytes(32).toString("base64url");
  const challenge = newPasskeyChallenge();
  await challenges.put(loginKey(flowId), challenge, PASSKEY_CHALLENGE_TTL_MS);
  setCookie(c, LOGIN_COOKIE, flowId, { ...loginCookieOptions, maxAge: PASSKEY_CHALLENGE_TTL_MS / 1000 });
  return c.json(await core.call("passkeyAuthenticationOptions", { body: { challenge }, ...requestOf(c) }));
});

/**
 * POST /api/session/passkey: logs in with a passkey. The flow's challenge is used up
 * whatever core answers; core names the customer and records the login (R42); the session
 * starts exactly as after a password.
 */
export const passkeyLogin = factory.createHandlers(requireJson, jsonBody(passkeyLoginRequestSchema), async (c) => {
  const { response } = c.req.valid("json");
  const { challenges, core } = c.get("deps");
  await enforcePasskeyLoginThrottle(c);
  const flowId = getCookie(c, LOGIN_COOKIE, "host");
  deleteCookie(c, LOGIN_COOKIE, loginCookieOptions);
  const expectedChallenge = flowId ? await challenges.take(loginKey(flowId)) : undefined;
  if (!expectedChallenge) throw expired();
  let verified: CoreLogin;
  try {
    verified = await core.call("passkeyLogin", {
      // Issue 15: the device becomes known; a passkey login needs no code.
      body: { response, expectedChallenge, client: clientContext(c), deviceHash: ensureDeviceHash(c) },
      ...requestOf(c),
    });
  } catch (err) {
    // The passkey was refused (unknown, invalid, suspended, another challenge): a failure.
    if (err instanceof CoreError && err.body.error.code.startsWith("passkey_")) await recordPasskeyLoginFailure(c);
    throw err;
  }
  return c.json(await startSession(c, verified, "passkey"));
});
