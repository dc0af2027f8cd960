import { type ProfileChange, type ProfileChangeInput, profileChangeSchema } from "@kakunin/contracts/registered-info";
import { TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { registeredInfoCatalog } from "../i18n.ts";

const resolver = zodResolver(profileChangeSchema);

/** The editable items of 口座情報, in the order of the form; `label` is a registeredInfoCatalog id. */
export const profileChangeItems = [
  { name: "postalCode", label: "registeredInfo.profile.postalCode" },
  { name: "address", label: "registeredInfo.profile.address" },
  { name: "phone", label: "registeredInfo.profile.phone" },
] as const satisfies readonly { name: keyof ProfileChange; label: string }[];

export interface ProfileChangeFormProps {
  /** What is registered now: nothing to confirm when the form still says the same. */
  current: ProfileChange;
  /** The form's values: the current ones, or what the customer entered before going back. */
  defaultValues: ProfileChangeInput;
  /** With the values as the schema parsed them, which is what will be sent. */
  onSubmit: (change: ProfileChange) => void;
  onCancel: () => void;
}

/** 口座情報の変更: 郵便番号, 住所, 電話番号 → 変更確認 (validated with the BFF's own schema). */
export function ProfileChangeForm({ current, defaultValues, onSubmit, onCancel }: ProfileChangeFormProps) {
  const { t } = useT(registeredInfoCatalog);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ProfileChangeInput, unknown, ProfileChange>({ resolver, defaultValues });

  const submit = handleSubmit((change) => {
    if (profileChangeItems.every(({ name }) => change[name] === current[name])) {
      setError("root", { type: "unchanged", message: t("registeredInfo.profileChange.unchanged") });
      return;
    }
    onSubmit(change);
  });

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {errors.root?.message && <ApiErrorAlert message={errors.root.message} />}
      <TextField
        label={t("registeredInfo.profile.postalCode")}
        hint={t("registeredInfo.profileChange.postalCodeHint")}
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={8}
        {...field("postalCode")}
      />
      <TextField
        label={t("registeredInfo.profile.address")}
        hint={t("registeredInfo.profileChange.addressHint")}
        autoComplete="street-address"
        maxLength={120}
        {...field("address")}
      />
      <TextField
        label={t("registeredInfo.profile.phone")}
        hint={t("registeredInfo.profileChange.phoneHint")}
        type="tel"
        autoComplete="tel"
        {...field("phone")}
      />
      <FormActions submitLabel={t("registeredInfo.changeConfirm")} onCancel={onCancel} />
    </form>
  );
}
