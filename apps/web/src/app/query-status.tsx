import { ApiErrorAlert } from "../components/api-error-alert.tsx";
import { isApiError } from "../lib/api-client.ts";

/** A refusal of the whole request (no field named), shown above the input. */
export interface Notice {
  message: string;
  requestId: string | undefined;
}

export function noticeOf(error: unknown): Notice | undefined {
  return isApiError(error) ? { message: error.message, requestId: error.requestId } : undefined;
}

export function NoticeAlert({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return <ApiErrorAlert message={notice.message} requestId={notice.requestId} />;
}
