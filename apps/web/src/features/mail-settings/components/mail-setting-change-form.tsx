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
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { mailSettingsCatalog } from "../i18n.ts";
import { type AddressPosition, addressAt, enabledText, mailLabel } from "../utils/mail-setting-text.ts";

/** Radios carry strings; the form's values before they become a MailSettingChange. */
export interface MailSettingFormValues {
  enabled: "true" | "false";
  destination: "1" | "2";
}

function formSchema(type: MailSetting["type"]) {
  return z
    .object({
      enabled: z.enum(["true", "false"], { error: "mailSettings.form.enabledRequired" }),
      destination: z.enum(["1", "2"], { error: "mailSettings.form.destinationRequired" }),
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
  withdrawal_auth_code: "mailSettings.secondFactor.withdrawal",
  view_auth_code: "mailSettings.secondFactor.view",
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
  const { t } = useT(mailSettingsCatalog);
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
        message: t("mailSettings.form.unchanged"),
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
          { term: t("mailSettings.column.type"), detail: mailLabel(setting.type, t) },
          {
            term: t("mailSettings.form.current"),
            detail: t("mailSettings.form.currentDetail", {
              enabled: enabledText(setting.enabled, t),
              destination: current ?? t("mailSettings.notRegistered"),
            }),
          },
        ]}
      />
      <RadioGroup
        legend={t("mailSettings.column.enabled")}
        inline
        options={[
          { value: "true", label: enabledText(true, t) },
          { value: "false", label: enabledText(false, t) },
        ]}
        {...field("enabled")}
      />
      {removesSecondFactor && (
        <Alert variant="warning" title={t("mailSettings.secondFactor.title")}>
          <p>{t(secondFactorOf[setting.type as keyof typeof secondFactorOf])}</p>
        </Alert>
      )}
      <RadioGroup
        legend={t("mailSettings.column.destination")}
        hint={registered.length === 0 ? t("mailSettings.form.noAddress") : t("mailSettings.form.chooseAddress")}
        options={registered.map((position) => ({
          value: String(position),
          label: addressAt({ addresses }, position),
          description: t("mailSettings.form.addressSlot", { position }),
        }))}
        {...field("destination")}
      />
      <FormActions submitLabel={t("mailSettings.form.submit")} onCancel={onCancel} />
    </form>
  );
}
