import { createRouter } from "../../lib/create-router.ts";
import { getTradingStopHandler, resumeTradingHandler, stopTradingHandler } from "./trading-stop.handlers.ts";
import { getTradingStop, resumeTrading, stopTrading } from "./trading-stop.routes.ts";

/** 取引停止 (R33), the customer's side: mounted under core's service credential (/v1). */
export const tradingStopRouter = createRouter()
  .openapi(getTradingStop, getTradingStopHandler)
  .openapi(stopTrading, stopTradingHandler);

/** Lifting is the operator's alone: mounted after the operator credential's middleware (/ops). */
export const tradingStopOpsRouter = createRouter().openapi(resumeTrading, resumeTradingHandler);
