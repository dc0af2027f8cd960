import {
  type MailSetting,
  type MailSettingChange,
  type MailSettings,
  mailSettingChangeSchema,
} from "@kakunin/contracts/mail";
import { Alert } from "@kakunin/ui/alert";
import { DescriptionList } from "@kakunin/ui/description-list";
import { RadioGroup } from "@kakunin/ui/radio-group";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { type AddressPosition, addressAt, enabledText, mailLabel } from "../utils/mail-setting-text.ts";

/** Radios carry strings; the form's values before they become a MailSettingChange. */
export interface MailSettingFormValues {
  enabled: "true" | "false";
  destination: "1" | "2";
}

function formSchema(type: MailSetting["type"]) {
  return z
    .object({
      enabled: z.enum(["true", "false"], { error: "配信設定を選択してください。" }),
      destination: z.enum(["1", "2"], { error: "配信先を選択してください。" }),
    })
    .transform(({ enabled, destination }) => ({
      type,
      enabled: enabled === "true",
      destination: Number(destination),
    }))
    .pipe(mailSettingChangeSchema);
}

/**
 * Issue 17: turning a code mail off removes the second factor of what it guards; said plainly
 * where the customer chooses 配信不要, not only in the fine print.
 */
const secondFactorOf = {
  withdrawal_auth_code:
    "配信不要にすると、出金のときの確認は執行パスワードだけになり、メールでお送りする認証コードによる2つ目の確認がなくなります。執行パスワードを第三者に知られた場合、そのまま出金されるおそれが高まります。",
  view_auth_code:
    "配信不要にすると、登録情報の照会のときの確認は執行パスワードだけになり、メールでお送りする認証コードによる2つ目の確認がなくなります。",
} as const;

export function toFormValues(setting: Pick<MailSetting, "enabled" | "destination">): MailSettingFormValues {
  return { enabled: setting.enabled ? "true" : "false", destination: setting.destination === 1 ? "1" : "2" };
}

const positions: readonly AddressPosition[] = [1, 2];

export interface MailSettingChangeFormProps {
  /** The mail being changed, as set now. */
  setting: MailSetting;
  addresses: MailSettings["addresses"];
  /** What the customer chose before going back from the confirmation. */
  defaultValues?: MailSettingFormValues | undefined;
  /** With exactly the change that will be confirmed and sent. */
  onSubmit: (change: MailSettingChange) => void;
  onCancel: () => void;
}

/** ⑤ 配信設定 (配信中 / 配信不要) and ⑥ 配信先 (a registered address) → ⑦「変更確認」. */
export function MailSettingChangeForm({
  setting,
  addresses,
  defaultValues,
  onSubmit,
  onCancel,
}: MailSettingChangeFormProps) {
  const resolver = useMemo(() => zodResolver(formSchema(setting.type)), [setting.type]);
  const registered = positions.filter((position) => addressAt({ addresses }, position) !== null);
  const { enabled, destination } = toFormValues(setting);
  // A destination that no longer has an address is not offered; nothing is preselected then.
  const initial: Partial<MailSettingFormValues> = registered.includes(setting.destination)
    ? { enabled, destination }
    : { enabled };

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<MailSettingFormValues, unknown, MailSettingChange>({
    resolver,
    defaultValues: defaultValues ?? initial,
  });
  const chosen = useWatch({ control, name: "enabled" });
  const removesSecondFactor = chosen === "false" && setting.type in secondFactorOf;

  const submit = handleSubmit((change) => {
    if (change.enabled === setting.enabled && change.destination === setting.destination) {
      setError("root", {
        type: "unchanged",
        message: "変更内容がありません。配信設定または配信先を変更してください。",
      });
      return;
    }
    onSubmit(change);
  });

  const current = addressAt({ addresses }, setting.destination);

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {errors.root?.message && <ApiErrorAlert message={errors.root.message} />}
      <DescriptionList
        items={[
          { term: "種類", detail: mailLabel(setting.type) },
          {
            term: "現在の設定",
            detail: `${enabledText(setting.enabled)}（配信先: ${current ?? "未登録"}）`,
          },
        ]}
      />
      <RadioGroup
        legend="配信設定"
        inline
        options={[
          { value: "true", label: "配信中" },
          { value: "false", label: "配信不要" },
        ]}
        {...field("enabled")}
      />
      {removesSecondFactor && (
        <Alert variant="warning" title="2つ目の確認がなくなります">
          <p>{secondFactorOf[setting.type as keyof typeof secondFactorOf]}</p>
        </Alert>
      )}
      <RadioGroup
        legend="配信先"
        hint={
          registered.length === 0
            ? "メールアドレスが登録されていません。"
            : "ご登録のメールアドレスから選択してください。"
        }
        options={registered.map((position) => ({
          value: String(position),
          label: addressAt({ addresses }, position),
          description: `メールアドレス${position}`,
        }))}
        {...field("destination")}
      />
      <FormActions submitLabel="変更確認" onCancel={onCancel} />
    </form>
  );
}
