import { type EmailChange, type RegisteredEmails, registeredEmailsSchema } from "@kakunin/contracts/registered-info";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { registeredEmailsQueryOptions } from "./get-registered-emails.ts";

/** Exactly the payload the customer confirmed (change_email): the grant is bound to it. */
export type ChangeRegisteredEmailInput = GuardedCall<EmailChange>;

/** メールアドレス変更 (R22: the old and the new address are told); answers the new list. */
export function changeRegisteredEmail({ body, idempotencyKey }: ChangeRegisteredEmailInput): Promise<RegisteredEmails> {
  return guardedRequest("/api/me/emails", registeredEmailsSchema, { body, idempotencyKey, method: "PUT" });
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
