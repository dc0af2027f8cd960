import { errorBodySchema } from "@kakunin/contracts/errors";

const errorContent = { "application/json": { schema: errorBodySchema } };

/** Error responses every authenticated core route can answer. */
export const commonErrorResponses = {
  400: { description: "Validation failed (validation_failed, with field errors)", content: errorContent },
  401: { description: "Missing or wrong service credential (unauthenticated)", content: errorContent },
  500: { description: "Internal error (internal_error)", content: errorContent },
} as const;

export const notFoundResponse = {
  404: { description: "No such customer (not_found)", content: errorContent },
} as const;

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
