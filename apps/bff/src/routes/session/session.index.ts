import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { extendSession, getSession, login, logout, verifyDevice } from "./session.handlers.ts";

export const sessionRoutes = new Hono<AppEnv>()
  .get("/session", ...getSession)
  .post("/session", ...login)
  .post("/session/device-verification", ...verifyDevice)
  .delete("/session", ...logout)
  .post("/session/extension", ...extendSession);
