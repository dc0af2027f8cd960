import { randomUUID } from "node:crypto";
import { type StepUpMethod, type StepUpOperation, stepUpOperations } from "@kakunin/contracts/step-up";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../api-error.ts";
import { requestOf } from "../core-context.ts";
import type { AppEnv } from "../types.ts";
import { operationDigest, sessionBinding } from "./digest.ts";
import type { MethodState } from "./methods/method.ts";

/** Cookie names (sent as `__Host-…`): the pending confirmation, and the two kinds of grant. */
const PENDING = "kakunin-stepup";
const WINDOW = "kakunin-grant-window";
const ONCE = "kakunin-grant-once";

const cookieOptions = { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" } as const;

export interface PendingStepUp {
  operation: StepUpOperation;
  digest: string;
  methods: StepUpMethod[];
  /** What each started method keeps until the verification (`MethodChallenge.state`). */
  state?: Partial<Record<StepUpMethod, MethodState>>;
}

/** A sealed cookie's method state, checked rather than trusted to have the expected shape. */
function methodStateOf(value: unknown): PendingStepUp["state"] | null {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) return null;
  for (const entry of Object.values(value)) {
    if (typeof entry !== "object" || entry === null) return null;
    if (!Object.values(entry).every((v) => typeof v === "string")) return null;
  }
  return value as PendingStepUp["state"];
}

function session(c: Context<AppEnv>) {
  const s = c.get("session");
  if (!s) throw new Error("requireSession middleware missing");
  return s;
}

async function write(c: Context<AppEnv>, name: string, payload: Record<string, unknown>, expiresAt: number) {
  const { cookieBox, config, now } = c.get("deps");
  const sid = sessionBinding(config.stepUp.bindingKey, session(c).id);
  const value = await cookieBox.seal({ ...payload, sid }, expiresAt);
  setCookie(c, name, value, { ...cookieOptions, maxAge: Math.max(0, Math.ceil((expiresAt - now()) / 1000)) });
}

/** Opens a step-up cookie; null unless intact, unexpired and bound to this session. */
async function read(c: Context<AppEnv>, name: string): Promise<Record<string, unknown> | null> {
  const value = getCookie(c, name, "host");
  if (!value) return null;
  const { cookieBox, config } = c.get("deps");
  const payload = await cookieBox.open(value);
  if (!payload || payload.sid !== sessionBinding(config.stepUp.bindingKey, session(c).id)) return null;
  return payload;
}

export async function writePending(c: Context<AppEnv>, pending: PendingStepUp) {
  const { config, now } = c.get("deps");
  await write(c, PENDING, { ...pending }, now() + config.stepUp.challengeMs);
}

export async function readPending(c: Context<AppEnv>): Promise<PendingStepUp | null> {
  const p = await read(c, PENDING);
  if (!p || typeof p.operation !== "string" || !(p.operation in stepUpOperations)) return null;
  if (typeof p.digest !== "string" || !Array.isArray(p.methods)) return null;
  const state = methodStateOf(p.state);
  if (state === null) return null;
  return {
    operation: p.operation as StepUpOperation,
    digest: p.digest,
    methods: p.methods as StepUpMethod[],
    ...(state ? { state } : {}),
  };
}

/** Turns a verified confirmation into a grant: a viewing window, or one execution of one digest. */
export async function grant(c: Context<AppEnv>, pending: PendingStepUp) {
  const { config, now } = c.get("deps");
  deleteCookie(c, PENDING, cookieOptions);
  if (stepUpOperations[pending.operation].grant === "window") {
    const existing = (await read(c, WINDOW))?.ops;
    const ops = { ...(typeof existing === "object" && existing ? existing : {}) } as Record<string, number>;
    const until = now() + config.stepUp.windowMs;
    ops[pending.operation] = until;
    await write(c, WINDOW, { ops }, Math.max(...Object.values(ops)));
  } else {
    await write(
      c,
      ONCE,
      { operation: pending.operation, digest: pending.digest, jti: randomUUID() },
      now() + config.stepUp.onceMs,
    );
  }
}

/** TEST ONLY helper: ends every viewing window of this session now. */
export function expireWindows(c: Context<AppEnv>) {
  deleteCookie(c, WINDOW, cookieOptions);
}

async function hasWindow(c: Context<AppEnv>, operation: StepUpOperation): Promise<boolean> {
  const ops = (await read(c, WINDOW))?.ops as Record<string, number> | undefined;
  const until = ops?.[operation];
  return typeof until === "number" && until > c.get("deps").now();
}

/** Consumes a once-grant for exactly this digest; a replayed grant (already used) fails. */
async function consumeOnce(c: Context<AppEnv>, operation: StepUpOperation, digest: string): Promise<boolean> {
  const g = await read(c, ONCE);
  if (!g || g.operation !== operation || g.digest !== digest || typeof g.jti !== "string") return false;
  const { singleUse, config } = c.get("deps");
  if (!(await singleUse.use(g.jti, config.stepUp.onceMs))) return false;
  deleteCookie(c, ONCE, cookieOptions);
  return true;
}

/** 403 `step_up_required` with what to confirm, unless core says nothing is required now (R11). */
async function requireOrPass(c: Context<AppEnv>, operation: StepUpOperation): Promise<void> {
  const { core, config } = c.get("deps");
  const { methods } = await core.call("getStepUpRequirements", {
    params: { customerId: session(c).data.customerId },
    query: { operation },
    ...requestOf(c),
  });
  if (methods.length === 0) return;
  const maxAgeMs = stepUpOperations[operation].grant === "window" ? config.stepUp.windowMs : config.stepUp.onceMs;
  throw new ApiError("step_up_required", 403, {
    stepUp: { operation, methods, maxAgeSeconds: Math.round(maxAgeMs / 1000) },
  });
}

/**
 * Guards a route behind a step-up (R6, R26). Window operations pass while the viewing
 * grant lasts; once operations need a grant for the digest of exactly this request's
 * JSON body, and use it up.
 */
export function requireStepUp(operation: StepUpOperation) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (stepUpOperations[operation].grant === "window") {
      if (!(await hasWindow(c, operation))) await requireOrPass(c, operation);
    } else {
      // The body was validated already; parsing it again with the operation's schema gives
      // the same normalised payload the challenge's digest was computed over.
      const payload = stepUpOperations[operation].payload.parse(await c.req.json());
      const digest = operationDigest(operation, payload);
      if (!(await consumeOnce(c, operation, digest))) await requireOrPass(c, operation);
    }
    await next();
  });
}
