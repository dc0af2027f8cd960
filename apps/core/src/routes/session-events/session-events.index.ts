import { createRouter } from "../../lib/create-router.ts";
import { recordSessionEventHandler } from "./session-events.handlers.ts";
import { recordSessionEvent } from "./session-events.routes.ts";

export const sessionEventsRouter = createRouter().openapi(recordSessionEvent, recordSessionEventHandler);
