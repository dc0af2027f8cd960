import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { getLocale, putLocale } from "./locale.handlers.ts";

/** The language switch (R36): logged in or not, so no requireSession here. */
export const localeRoutes = new Hono<AppEnv>().get("/locale", ...getLocale).put("/locale", ...putLocale);
