import { createRouter } from "../../lib/create-router.ts";
import {
  changeCustomerLocaleHandler,
  getCustomerHandler,
  getLoginHistoryHandler,
  getPreviousLoginHandler,
  listNoticesHandler,
} from "./customers.handlers.ts";
import {
  changeCustomerLocale,
  getCustomer,
  getLoginHistory,
  getPreviousLogin,
  listNotices,
} from "./customers.routes.ts";

export const customersRouter = createRouter()
  .openapi(getCustomer, getCustomerHandler)
  .openapi(listNotices, listNoticesHandler)
  .openapi(getLoginHistory, getLoginHistoryHandler)
  .openapi(getPreviousLogin, getPreviousLoginHandler)
  .openapi(changeCustomerLocale, changeCustomerLocaleHandler);
