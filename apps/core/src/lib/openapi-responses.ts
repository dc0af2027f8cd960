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

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const } },
};

/**
 * Answers of routes that evaluate a password hash when core's hash gate refuses the request
 * (issue 12). Nothing was evaluated or counted; the client may retry after Retry-After.
 */
export const hashGateResponses = {
  429: {
    description: "This customer's previous attempt is still being evaluated (attempt_in_progress)",
    headers: retryAfter,
    content: errorContent,
  },
  503: {
    description: "Too many password checks at once (busy)",
    headers: retryAfter,
    content: errorContent,
  },
} as const;

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
