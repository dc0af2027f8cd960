import type { OpenAPIHono } from "@hono/zod-openapi";
import type { RequestIdVariables } from "hono/request-id";
import type { Db } from "../db/client.ts";
import type { Logger } from "./logger.ts";

export interface AppBindings {
  Variables: RequestIdVariables & { db: Db; logger: Logger };
}

export type AppOpenAPI = OpenAPIHono<AppBindings>;
