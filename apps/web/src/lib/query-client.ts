import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client.ts";

/** Why the customer is on the login screen; carried as `/login?reason=…`. */
export type SessionEndReason = "session_expired" | "session_revoked" | "unauthenticated";

export interface CreateQueryClientOptions {
  /**
   * Called when a protected call finds the session gone. The app layer decides how to
   * leave the page (it owns the router); lib stays free of routing and features.
   */
  onSessionEnded: (reason: SessionEndReason) => void;
  /** Tests pass 0 so retry behaviour is exercised without waiting. */
  retryDelay?: number;
}

const MAX_RETRIES = 2;

function sessionEndReason(error: unknown): SessionEndReason | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "session_expired" || error.code === "session_revoked" || error.code === "unauthenticated") {
    return error.code;
  }
  return null;
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  // A 4xx will answer the same again; retrying only delays the message (and may count toward a lock).
  if (error.status >= 400 && error.status < 500) return false;
  return error.retryable && failureCount < MAX_RETRIES;
}

export function createQueryClient({ onSessionEnded, retryDelay }: CreateQueryClientOptions): QueryClient {
  const handleError = (error: unknown) => {
    const reason = sessionEndReason(error);
    if (reason) onSessionEnded(reason);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: { retry: shouldRetry, ...(retryDelay !== undefined ? { retryDelay } : {}) },
      // Mutations change money and settings: never repeat one behind the customer's back.
      mutations: { retry: false },
    },
  });
}
