import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import { getTradingStop, stopTrading } from "./trading-stop.handlers.ts";

/** 取引停止 (R33): the customer's own emergency stop; lifting is the operator's (core /ops). */
export const tradingStopRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .get("/me/trading-stop", ...getTradingStop)
  .post("/me/trading-stop", ...stopTrading);
