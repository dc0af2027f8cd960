import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import { startChallenge, verifyChallenge } from "./step-up.handlers.ts";

export const stepUpRoutes = new Hono<AppEnv>()
  .use("/step-up/*", requireSession)
  .post("/step-up/challenges", ...startChallenge)
  .post("/step-up/verifications", ...verifyChallenge);
