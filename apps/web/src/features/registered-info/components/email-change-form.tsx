import { type EmailChange, emailChangeSchema } from "@kakunin/contracts/registered-info";
import { DescriptionList } from "@kakunin/ui/description-list";
import { TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { FormActions } from "../../../components/form-actions.tsx";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { registeredInfoCatalog } from "../i18n.ts";
import { type EmailPosition, emailSlotLabel } from "./registered-email-list.tsx";

const resolver = zodResolver(emailChangeSchema);

export interface EmailChangeFormProps {
  position: EmailPosition;
  /** The address registered in that slot now, or null (未登録). */
  current: string | null;
  /** What the customer entered before going back from the confirmation. */
  defaultAddress?: string | undefined;
  onSubmit: (change: EmailChange) => void;
  onCancel: () => void;
}

/** 新しいメールアドレス for one slot → 変更確認, validated with the BFF's own schema. */
export function EmailChangeForm({ position, current, defaultAddress = "", onSubmit, onCancel }: EmailChangeFormProps) {
  const { t } = useT(registeredInfoCatalog);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EmailChange>({ resolver, defaultValues: { position, address: defaultAddress } });

  const submit = handleSubmit((change) => {
    if (current !== null && change.address.toLowerCase() === current.toLowerCase()) {
      setError("address", { type: "unchanged", message: t("registeredInfo.email.unchanged") }, { shouldFocus: true });
      return;
    }
    onSubmit(change);
  });

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      <DescriptionList
        items={[
          { term: t("registeredInfo.email.slotToChange"), detail: emailSlotLabel(position, t) },
          { term: t("registeredInfo.email.current"), detail: current ?? t("registeredInfo.notRegistered") },
        ]}
      />
      <TextField
        label={t("registeredInfo.email.new")}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={254}
        {...field("address")}
      />
      <FormActions submitLabel={t("registeredInfo.changeConfirm")} onCancel={onCancel} />
    </form>
  );
}
