import { createRouter } from "../../lib/create-router.ts";
import { getCustomerHandler, getLoginHistoryHandler, listNoticesHandler } from "./customers.handlers.ts";
import { getCustomer, getLoginHistory, listNotices } from "./customers.routes.ts";

export const customersRouter = createRouter()
  .openapi(getCustomer, getCustomerHandler)
  .openapi(listNotices, listNoticesHandler)
  .openapi(getLoginHistory, getLoginHistoryHandler);
