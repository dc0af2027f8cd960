import type { PasswordKind } from "@kakunin/password-policy/rules";
import { Checklist } from "@kakunin/ui/checklist";
import { PasswordField } from "@kakunin/ui/field";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { type Resolver, useForm, useWatch } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { type ApiError, isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, clearStaleFailure, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import type { PasswordChanged } from "../api/password-changed.ts";
import { credentialsCatalog } from "../i18n.ts";
import { passwordChecklist } from "../utils/password-checklist.ts";

/** Both change forms send the same three fields (see `@kakunin/contracts/credentials`). */
export interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

const fieldNames = ["currentPassword", "newPassword", "newPasswordConfirmation"] as const;
type FieldName = (typeof fieldNames)[number];

/** A wrong current password: the customer retypes it anyway, and it should not stay in the page. */
const wrongCurrentCodes = new Set(["wrong_current_password", "wrong_execution_password"]);

export interface PasswordChangeFormProps {
  kind: PasswordKind;
  labels: { current: string; next: string; confirm: string };
  resolver: Resolver<PasswordChangeValues>;
  mutation: UseMutationResult<PasswordChanged, Error, PasswordChangeValues>;
  currentHint?: ReactNode;
  /** The rules that cannot be checked while typing (they need the customer's data). */
  note: ReactNode;
  /** Shown above the form while there is no error to report, e.g. tries left. */
  notice?: ReactNode;
  /** Wording of the error alert when the server's message is not enough (in the current language). */
  describeError?: (error: ApiError) => string | undefined;
  onError?: (error: ApiError) => void;
}

/**
 * Current password → new password → new password again → 変更する, validated with the shared
 * schema (the same Japanese messages as the BFF) and a live checklist of the typing rules.
 */
export function PasswordChangeForm({
  kind,
  labels,
  resolver,
  mutation,
  currentHint,
  note,
  notice,
  describeError,
  onError,
}: PasswordChangeFormProps) {
  const { t } = useT(credentialsCatalog, contractsCatalog);
  const {
    register,
    control,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<PasswordChangeValues>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", newPasswordConfirmation: "" },
  });
  const newPassword = useWatch({ control, name: "newPassword" });

  const submit = handleSubmit((values) => {
    if (mutation.isPending) return;
    mutation.mutate(values, {
      onError: (error) => {
        if (!isApiError(error)) return;
        // The server may report several rules for one field (e.g. birth date and a sequence).
        applyFieldErrors(setError, fieldErrorsOf<FieldName>(error, fieldNames, { all: true }));
        if (wrongCurrentCodes.has(error.code)) {
          resetField("currentPassword");
          setFocus("currentPassword");
        }
        onError?.(error);
      },
    });
  }, clearStaleFailure(mutation));

  const error = mutation.error;
  const message = isApiError(error) ? (describeError?.(error) ?? error.message) : t("errors.internal_error");
  const retryable = isApiError(error) ? error.retryable : true;

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {/* One alert at a time: the latest outcome replaces the standing notice. */}
      {error ? <ApiErrorAlert message={message} onRetry={retryable ? () => void submit() : undefined} /> : notice}
      <PasswordField
        label={labels.current}
        hint={currentHint}
        autoComplete="current-password"
        {...field("currentPassword")}
      />
      <PasswordField
        label={labels.next}
        autoComplete="new-password"
        error={errors.newPassword?.message}
        details={<Checklist items={passwordChecklist(kind, newPassword, t)} />}
        {...register("newPassword")}
      />
      <p className="kk-note">{note}</p>
      <PasswordField
        label={labels.confirm}
        hint={t("credentials.confirmHint", { label: labels.next })}
        autoComplete="new-password"
        {...field("newPasswordConfirmation")}
      />
      <FormActions submitLabel={t("credentials.submit")} block loading={mutation.isPending} />
    </form>
  );
}
