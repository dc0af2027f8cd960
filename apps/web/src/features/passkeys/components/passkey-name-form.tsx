import { passkeyNameSchema } from "@kakunin/contracts/passkeys";
import { Button } from "@kakunin/ui/button";
import { TextField } from "@kakunin/ui/field";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, type FieldErrors, fieldErrorsOf, useServerFieldErrors } from "../../../lib/form-errors.ts";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { passkeysCatalog } from "../i18n.ts";

export interface PasskeyNameFormValues {
  name: string;
}

const formSchema = z.object({ name: passkeyNameSchema });
const resolver = zodResolver(formSchema);
const FIELDS = ["name"] as const;

export interface PasskeyNameFormProps {
  defaultName: string;
  /** 確認画面へ (registration) or 変更する (名前の変更). */
  submitLabel: string;
  /**
   * With the checked, trimmed name. A rejected promise shows the server's refusal here: on
   * the field when it names `name` (validation_failed), else in an alert above the buttons.
   */
  onSubmit: (name: string) => unknown;
  onCancel: () => void;
  /** The server's message for the name, when the screen came back to this form with one. */
  fieldErrors?: FieldErrors<"name"> | undefined;
  /** Focus the field on arrival: an inline form opens on the customer's click, so focus follows it. */
  autoFocus?: boolean;
  /** Each row's form needs its own accessible name ("… の名前の変更"). */
  label?: string;
}

/** パスキー名 and the form's buttons, checked with the BFF's own schema. */
export function PasskeyNameForm({
  defaultName,
  submitLabel,
  onSubmit,
  onCancel,
  fieldErrors,
  autoFocus,
  label,
}: PasskeyNameFormProps) {
  // contractsCatalog: the name's field messages and errorText's internal_error.
  const { t } = useT(passkeysCatalog, contractsCatalog);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PasskeyNameFormValues, unknown, PasskeyNameFormValues>({
    resolver,
    defaultValues: { name: defaultName },
  });
  useServerFieldErrors(setError, fieldErrors, FIELDS);
  const field = fieldBinder(register, errors);

  /** A refusal that names no field: the alert shows its message and お問い合わせ番号. */
  const [failure, setFailure] = useState<unknown>(undefined);

  const submit = handleSubmit(
    async ({ name }) => {
      setFailure(undefined);
      try {
        await onSubmit(name);
      } catch (error) {
        const named = fieldErrorsOf(error, FIELDS);
        if (named) applyFieldErrors(setError, named);
        else setFailure(error);
      }
    },
    () => setFailure(undefined),
  );

  return (
    <form className="kk-form" noValidate aria-label={label} onSubmit={submit}>
      <TextField
        label={t("passkeys.name")}
        hint={t("passkeys.nameForm.hint")}
        autoComplete="off"
        maxLength={40}
        autoFocus={autoFocus}
        {...field("name")}
      />
      {failure !== undefined && (
        <ApiErrorAlert error={failure} message={isApiError(failure) ? undefined : errorText("internal_error")} />
      )}
      <div className="kk-form__actions kk-actions">
        <Button type="submit" loading={isSubmitting}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("passkeys.nameForm.cancel")}
        </Button>
      </div>
    </form>
  );
}
