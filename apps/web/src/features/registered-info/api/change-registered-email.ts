import { type EmailChange, type RegisteredEmails, registeredEmailsSchema } from "@kakunin/contracts/registered-info";
import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { registeredEmailsQueryOptions } from "./get-registered-emails.ts";

export interface ChangeRegisteredEmailInput {
  /** Exactly the payload the customer confirmed (change_email): the grant is bound to it. */
  body: EmailChange;
  /** One per confirmation, so a double submit changes once (R26). */
  idempotencyKey: string;
}

/** メールアドレス変更 (R22: the old and the new address are told); answers the new list. */
export function changeRegisteredEmail({ body, idempotencyKey }: ChangeRegisteredEmailInput): Promise<RegisteredEmails> {
  return apiRequest("/api/me/emails", registeredEmailsSchema, {
    method: "PUT",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useChangeRegisteredEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRegisteredEmail,
    onSuccess: (emails) => {
      const { queryKey } = registeredEmailsQueryOptions();
      queryClient.setQueryData(queryKey, emails);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}
