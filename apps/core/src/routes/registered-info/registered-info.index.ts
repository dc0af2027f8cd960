import { createRouter } from "../../lib/create-router.ts";
import {
  changeEmailHandler,
  changeProfileHandler,
  getEmailsHandler,
  getProfileHandler,
  listAccountOpeningsHandler,
} from "./registered-info.handlers.ts";
import { changeEmail, changeProfile, getEmails, getProfile, listAccountOpenings } from "./registered-info.routes.ts";

export const registeredInfoRouter = createRouter()
  .openapi(getProfile, getProfileHandler)
  .openapi(changeProfile, changeProfileHandler)
  .openapi(listAccountOpenings, listAccountOpeningsHandler)
  .openapi(getEmails, getEmailsHandler)
  .openapi(changeEmail, changeEmailHandler);
