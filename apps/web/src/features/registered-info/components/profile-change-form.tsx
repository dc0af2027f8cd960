import { type ProfileChange, type ProfileChangeInput, profileChangeSchema } from "@kakunin/contracts/registered-info";
import { TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";

const resolver = zodResolver(profileChangeSchema);

/** The editable items of 口座情報, in the order of the form. */
export const profileChangeItems = [
  { name: "postalCode", label: "郵便番号" },
  { name: "address", label: "住所" },
  { name: "phone", label: "電話番号" },
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
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ProfileChangeInput, unknown, ProfileChange>({ resolver, defaultValues });

  const submit = handleSubmit((change) => {
    if (profileChangeItems.every(({ name }) => change[name] === current[name])) {
      setError("root", { type: "unchanged", message: "変更内容がありません。変更する項目を入力してください。" });
      return;
    }
    onSubmit(change);
  });

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {errors.root?.message && <ApiErrorAlert message={errors.root.message} />}
      <TextField
        label="郵便番号"
        hint="半角数字7桁（例: 150-0002）"
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={8}
        {...field("postalCode")}
      />
      <TextField
        label="住所"
        hint="都道府県から入力してください。"
        autoComplete="street-address"
        maxLength={120}
        {...field("address")}
      />
      <TextField
        label="電話番号"
        hint="市外局番から半角数字で（例: 090-1234-5678）"
        type="tel"
        autoComplete="tel"
        {...field("phone")}
      />
      <FormActions submitLabel="変更確認" onCancel={onCancel} />
    </form>
  );
}
